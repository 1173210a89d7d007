package dev.runnel.stress.select;

import dev.runnel.Channel;
import dev.runnel.WaitStrategy;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.priority.PriorityChannel;
import dev.runnel.select.Selector;
import dev.runnel.unbounded.UnboundedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Exactly once under contention: senders (half plain sends, half selects with send cases) push 2,000,000
 * distinct values into channels of every kind; selectors (reused, fair) take them out. Count and checksum: nothing
 * lost, nothing duplicated. Virtual threads, so parking strategies throughout (2 CPUs).
 */
@Timeout(300)
class SelectStressTest {
    private static final int SENDERS = 4;
    private static final int RECEIVERS = 4;
    private static final int PER_SENDER = 500_000;

    @Test
    void manySelectorsAndSendersDeliverEachValueOnce() throws Exception {
        PriorityChannel<Long> priority = PriorityChannel.create(2, 4);
        List<Channel<Long>> channels = List.of(
                BoundedChannel.create(0),
                BoundedChannel.create(1),
                BoundedChannel.create(64),
                BoundedChannel.<Long>builder().capacity(16).waitStrategy(WaitStrategy.park()).build(),
                UnboundedChannel.create());
        AtomicLong count = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            long base = (long) s * PER_SENDER;
            boolean selecting = s % 2 == 0;
            senders.add(Thread.ofVirtual().start(() -> {
                try {
                    if (selecting) {
                        try (Selector sel = Selector.create()) {
                            List<Selector.SendCase<Long>> cases = new ArrayList<>();
                            for (Channel<Long> c : channels) {
                                cases.add(sel.send(c));
                            }
                            cases.add(sel.send(priority.sender(1)));
                            for (long v = base; v < base + PER_SENDER; v++) {
                                for (Selector.SendCase<Long> c : cases) {
                                    c.offer(v);   // re-arm with the next value (replaces an unsent one)
                                }
                                sel.select();
                            }
                        }
                    } else {
                        for (long v = base; v < base + PER_SENDER; v++) {
                            channels.get((int) (v % channels.size())).send(v);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        List<Thread> receivers = new ArrayList<>();
        for (int r = 0; r < RECEIVERS; r++) {
            receivers.add(Thread.ofVirtual().start(() -> {
                try (Selector sel = Selector.create()) {
                    int open = 0;
                    for (Channel<Long> c : channels) {
                        sel.receive(c);
                        open++;
                    }
                    sel.receive(priority);
                    open++;
                    while (open > 0) {
                        Selector.ReceiveCase<?> c = (Selector.ReceiveCase<?>) sel.select();
                        if (c.isClosed()) {
                            c.disable();
                            open--;
                        } else {
                            count.incrementAndGet();
                            sum.addAndGet((Long) c.value());
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread t : senders) {
            t.join();
        }
        channels.forEach(Channel::close);
        priority.close();
        for (Thread t : receivers) {
            t.join();
        }
        assertNull(failure.get(), () -> String.valueOf(failure.get()));
        long n = (long) SENDERS * PER_SENDER;
        assertEquals(n, count.get(), "values received");
        assertEquals(n * (n - 1) / 2, sum.get(), "checksum: each value once");
    }
}
