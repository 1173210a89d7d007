package dev.runnel.stress.select;

import dev.runnel.Channel;
import dev.runnel.ChannelClosedException;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.select.Selector;
import dev.runnel.unbounded.UnboundedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static dev.runnel.select.Select.otherwise;
import static dev.runnel.select.Select.receive;
import static dev.runnel.select.Select.select;
import static dev.runnel.select.Select.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Go's test/chan select tests, re-expressed for Runnel (the behaviour each checks, in our own code): select.go,
 * select2.go, doubleselect.go, and the select cases of nonblock.go.
 */
@Timeout(120)
class GoSelectPortsTest {

    /**
     * select.go: a select sending on two buffered channels with a default, where a channel that has been sent on
     * becomes nil (a disabled case): exactly two sends happen, one per channel, then the default.
     */
    @Test
    void selectGoSendsOncePerChannelThenDefaults() throws InterruptedException {
        Channel<Integer> a = BoundedChannel.create(1);
        Channel<Integer> b = BoundedChannel.create(1);
        int[] counter = {0};
        try (Selector sel = Selector.create()) {
            Selector.SendCase<Integer> ca = sel.send(a);
            Selector.SendCase<Integer> cb = sel.send(b);
            int sends = 0;
            int shift = 0;
            while (true) {
                if (ca.isEnabled()) {
                    ca.offer(value(counter, shift));
                }
                if (cb.isEnabled()) {
                    cb.offer(value(counter, shift));
                }
                Selector.Case c = sel.trySelect();
                if (c == null) {
                    break;
                }
                sends++;
                c.disable();   // a = nil
                shift++;
            }
            assertEquals(2, sends);
            assertEquals(3, a.receive() | b.receive(), "one value each, from different shifts");
        }
        assertEquals(3, counter[0], "values are computed for enabled cases only: 2, then 1, then none");
    }

    private static int value(int[] counter, int shift) {
        counter[0]++;
        return 1 << shift;
    }

    /**
     * select2.go: a select in a loop must not allocate per iteration. Here: two million selects on one reused
     * Selector allocate (almost) nothing.
     */
    @Test
    void select2GoReusedSelectorDoesNotAllocate() throws InterruptedException {
        Channel<Integer> a = BoundedChannel.create(16);
        Channel<Integer> b = BoundedChannel.create(16);
        Integer boxed = 7;
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Selector sel = Selector.create()) {
            sel.receive(a);
            sel.receive(b);
            Selector.SendCase<Integer> s = sel.send(b);
            for (int i = 0; i < 200_000; i++) {
                churn(sel, a, s, boxed);
            }
            long before = mx.getCurrentThreadAllocatedBytes();
            int selects = 2_000_000;
            for (int i = 0; i < selects / 2; i++) {
                churn(sel, a, s, boxed);
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < 64 * 1024, allocated + " bytes allocated over " + selects + " selects");
        }
    }

    private static void churn(Selector sel, Channel<Integer> a, Selector.SendCase<Integer> s, Integer v)
            throws InterruptedException {
        a.trySend(v);
        if (!s.isArmed()) {
            s.offer(v);
        }
        sel.select();
        sel.select();
    }

    /**
     * doubleselect.go: senders each select over three rendezvous channels to send each value once; receivers
     * read the channels (some through selects of their own). Every value arrives exactly once.
     */
    @Test
    void doubleSelectEveryValueArrivesOnce() throws Exception {
        int senders = 4;
        int perSender = 25_000;
        List<Channel<Integer>> channels = List.of(BoundedChannel.create(0), BoundedChannel.create(0),
                BoundedChannel.create(0));
        Channel<Integer> done = UnboundedChannel.create();
        AtomicIntegerArray seen = new AtomicIntegerArray(senders * perSender);
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int base = s * perSender;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = base; i < base + perSender; i++) {
                        int v = i;
                        select(send(channels.get(0), v, () -> 0), send(channels.get(1), v, () -> 1),
                                send(channels.get(2), v, () -> 2));
                    }
                    done.send(1);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }));
        }
        List<Thread> receivers = new ArrayList<>();
        for (Channel<Integer> c : channels) {
            receivers.add(Thread.ofVirtual().start(() -> {
                try {
                    for (Integer v : c) {
                        seen.incrementAndGet(v);
                    }
                } catch (ChannelClosedException e) {
                    throw new AssertionError(e);
                }
            }));
        }
        receivers.add(Thread.ofVirtual().start(() -> {   // a receiver that selects over all three
            try (Selector sel = Selector.create()) {
                List<Selector.ReceiveCase<Integer>> cases = new ArrayList<>();
                for (Channel<Integer> c : channels) {
                    cases.add(sel.receive(c));
                }
                int open = cases.size();
                while (open > 0) {
                    Selector.ReceiveCase<?> c = (Selector.ReceiveCase<?>) sel.select();
                    if (c.isClosed()) {
                        c.disable();
                        open--;
                    } else {
                        seen.incrementAndGet((Integer) c.value());
                    }
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }));
        for (int s = 0; s < senders; s++) {
            done.receive();
        }
        channels.forEach(Channel::close);
        for (Thread t : threads) {
            t.join();
        }
        for (Thread t : receivers) {
            t.join();
        }
        for (int i = 0; i < seen.length(); i++) {
            assertEquals(1, seen.get(i), "value " + i);
        }
    }

    /**
     * nonblock.go, select cases: a select with a default on an empty channel, a full one, and a rendezvous one
     * with no partner takes the default; with a partner that is ready (a goroutine blocked on the other end), the
     * non-blocking select eventually succeeds.
     */
    @Test
    void nonblockSelectCases() throws Exception {
        for (int capacity : new int[] {0, 1, 8}) {
            Channel<Integer> c = BoundedChannel.create(capacity);
            assertEquals("default", select(receive(c, v -> "got"), otherwise(() -> "default")));
            for (int i = 0; i < capacity; i++) {
                assertEquals("sent", select(send(c, i, () -> "sent"), otherwise(() -> "default")));
            }
            assertEquals("default", select(send(c, -1, () -> "sent"), otherwise(() -> "default")));
            for (int i = 0; i < capacity; i++) {
                assertEquals(i, c.receive());
            }

            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    c.send(42);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            Object got;
            while ((got = select(receive(c, v -> (Object) v), otherwise(() -> "default"))).equals("default")) {
                Thread.onSpinWait();
            }
            assertEquals(42, got);
            sender.join();

            int[] received = {0};
            Thread receiver = Thread.ofVirtual().start(() -> {
                try {
                    received[0] = c.receive();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            while (select(send(c, 7, () -> "sent"), otherwise(() -> "default")).equals("default")) {
                Thread.onSpinWait();
            }
            receiver.join();
            assertEquals(7, received[0]);
        }
    }
}
