package dev.runnel.examples;

import dev.runnel.ring.SpscRing;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A pipe of message objects: the producer takes a free message from a pool, fills it and offers it forward; the
 * consumer copies it out and gives it back to the pool. Nothing is allocated per message. The pool is an
 * {@link SpscRing} from the consumer back to the producer.
 */
final class ObjectPipe implements Pipe {
    private final String name;
    private final Predicate<Message> forwardOffer;
    private final Supplier<Message> forwardPoll;
    private final SpscRing<Message> pool;
    private Message pending;   // producer-local: filled but not yet accepted forward

    ObjectPipe(String name, Predicate<Message> forwardOffer, Supplier<Message> forwardPoll, int capacity) {
        this.name = name;
        this.forwardOffer = forwardOffer;
        this.forwardPoll = forwardPoll;
        this.pool = new SpscRing<>(2 * capacity + 2);
        for (int i = 0; i < 2 * capacity + 2; i++) {
            pool.offer(new Message());
        }
    }

    @Override
    public boolean send(long sequence, long sentAtNanos) {
        Message m = pending;
        if (m == null) {
            m = pool.poll();
            if (m == null) {
                return false;
            }
        }
        m.sequence = sequence;
        m.sentAtNanos = sentAtNanos;
        if (forwardOffer.test(m)) {
            pending = null;
            return true;
        }
        pending = m;
        return false;
    }

    @Override
    public boolean receive(Message into) {
        Message m = forwardPoll.get();
        if (m == null) {
            return false;
        }
        into.sequence = m.sequence;
        into.sentAtNanos = m.sentAtNanos;
        while (!pool.offer(m)) {
            Thread.onSpinWait();   // cannot stay full: the pool holds every message there is
        }
        return true;
    }

    @Override
    public String name() {
        return name;
    }
}
