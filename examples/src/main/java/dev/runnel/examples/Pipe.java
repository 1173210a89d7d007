package dev.runnel.examples;

import dev.runnel.ring.SpscRing;

import java.util.concurrent.ArrayBlockingQueue;

/** What carries messages between two stages: a Runnel ring, or a JDK queue for comparison. */
interface Pipe {
    boolean offer(Message m);

    Message poll();

    String name();

    static Pipe spscRing(int capacity) {
        SpscRing<Message> ring = new SpscRing<>(capacity);
        return new Pipe() {
            @Override
            public boolean offer(Message m) {
                return ring.offer(m);
            }

            @Override
            public Message poll() {
                return ring.poll();
            }

            @Override
            public String name() {
                return "Runnel SpscRing";
            }
        };
    }

    static Pipe arrayBlockingQueue(int capacity) {
        ArrayBlockingQueue<Message> queue = new ArrayBlockingQueue<>(capacity);
        return new Pipe() {
            @Override
            public boolean offer(Message m) {
                return queue.offer(m);
            }

            @Override
            public Message poll() {
                return queue.poll();
            }

            @Override
            public String name() {
                return "JDK ArrayBlockingQueue";
            }
        };
    }
}
