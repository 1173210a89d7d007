package dev.runnel.perf.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread (virtual or platform) that runs a batch of work each time the benchmark thread asks, so that the
 * measured operations happen between two threads of the chosen kind while JMH times whole batches. Requests and
 * completions go through a volatile field plus park/unpark: nothing is allocated per batch.
 */
public final class BatchWorker {
    public interface Batch {
        void run(int operations) throws InterruptedException;
    }

    private static final VarHandle REQUEST;
    private static final VarHandle DONE;

    static {
        try {
            REQUEST = MethodHandles.lookup().findVarHandle(BatchWorker.class, "request", int.class);
            DONE = MethodHandles.lookup().findVarHandle(BatchWorker.class, "done", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Thread thread;
    @SuppressWarnings("unused")
    private int request;
    @SuppressWarnings("unused")
    private long done;
    private volatile Thread waiter;
    private volatile Throwable failure;

    public BatchWorker(String name, boolean virtual, Batch batch) {
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        this.thread = builder.name(name).unstarted(() -> loop(batch));
        thread.start();
    }

    /** A thread of the chosen kind that runs {@code body} until interrupted (an echo, a consumer). */
    static Thread background(String name, boolean virtual, Batch body) {
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon();
        return builder.name(name).start(() -> {
            try {
                body.run(Integer.MAX_VALUE);
            } catch (InterruptedException e) {
                // stopped at tear-down
            }
        });
    }

    private void loop(Batch batch) {
        try {
            while (true) {
                int n;
                while ((n = (int) REQUEST.getAcquire(this)) == 0) {
                    LockSupport.park(this);
                    if (Thread.interrupted()) {
                        return;
                    }
                }
                REQUEST.setRelease(this, 0);
                batch.run(n);
                DONE.getAndAdd(this, 1L);
                LockSupport.unpark(waiter);
            }
        } catch (InterruptedException e) {
            // stopped at tear-down
        } catch (Throwable t) {
            failure = t;
            DONE.getAndAdd(this, 1L);
            LockSupport.unpark(waiter);
        }
    }

    /**
     * Runs one batch of {@code operations} on a consumer and a producer at once (the consumer first, so that it
     * is ready to take), and waits for both.
     */
    public static void transfer(BatchWorker producer, BatchWorker consumer, int operations) {
        long consumed = consumer.start(operations);
        long produced = producer.start(operations);
        producer.await(produced);
        consumer.await(consumed);
    }

    /** Starts a batch; {@link #await(long)} waits for it. */
    public long start(int operations) {
        waiter = Thread.currentThread();
        long before = (long) DONE.getVolatile(this);
        REQUEST.setRelease(this, operations);
        LockSupport.unpark(thread);
        return before;
    }

    public void await(long before) {
        while ((long) DONE.getVolatile(this) == before) {
            LockSupport.park(this);
        }
        if (failure != null) {
            throw new IllegalStateException("batch failed", failure);
        }
    }

    public void stop() throws InterruptedException {
        thread.interrupt();
        thread.join(5_000);
    }
}
