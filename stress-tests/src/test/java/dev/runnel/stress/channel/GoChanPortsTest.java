package dev.runnel.stress.channel;

import dev.runnel.Channel;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviours that Go's test/chan programs check (sieve, fifo, nonblock, zerosize, goroutines), written
 * afresh for Runnel's channels, with virtual threads as goroutines, over every channel kind.
 */
@Timeout(120)
class GoChanPortsTest {

    static List<ChannelKind> kinds() {
        return ChannelKind.all();
    }

    /** Numbers fed to the sieve: the 100th prime is 541. */
    private static final int LIMIT = 2_000;

    /** sieve: a chain of filter routines, one per prime found, yields the first primes in order. */
    @ParameterizedTest
    @MethodSource("kinds")
    void sieve(ChannelKind kind) throws Exception {
        int primes = 100;
        List<Integer> found = new ArrayList<>();
        try (ExecutorService routines = Executors.newVirtualThreadPerTaskExecutor()) {
            Channel<Integer> source = kind.createTyped();
            routines.submit(() -> {
                for (int i = 2; i <= LIMIT; i++) {   // bounded, so that an unbounded channel cannot flood the heap
                    source.send(i);
                }
                source.close();
                return null;
            });
            List<Channel<Integer>> chain = new ArrayList<>(List.of(source));
            Channel<Integer> in = source;
            for (int n = 0; n < primes; n++) {
                int prime = in.receive();
                found.add(prime);
                Channel<Integer> from = in;
                Channel<Integer> out = kind.createTyped();
                chain.add(out);
                routines.submit(() -> {
                    for (Integer i : from) {
                        if (i % prime != 0) {
                            out.send(i);
                        }
                    }
                    out.close();   // end of input passes down the chain
                    return null;
                });
                in = out;
            }
            chain.forEach(Channel::close);   // stops the stages still sending: the executor's close waits for them
        }
        assertEquals(541, found.get(primes - 1), "the 100th prime");
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i) > found.get(i - 1));
        }
        assertEquals(List.of(2, 3, 5, 7, 11, 13, 17, 19, 23, 29), found.subList(0, 10));
    }

    /** fifo (asynchronous): one sender's values arrive in order. */
    @ParameterizedTest
    @MethodSource("kinds")
    void fifoOneSender(ChannelKind kind) throws Exception {
        Channel<Integer> channel = kind.createTyped();
        int n = 100_000;
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    channel.send(i);
                }
                channel.close();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        int expected = 0;
        for (int v : channel) {
            assertEquals(expected++, v);
        }
        sender.join();
        assertEquals(n, expected);
    }

    /**
     * fifo (synchronous chain): routine {@code i} waits for a token from routine {@code i - 1}, sends {@code i}
     * on the shared channel, then passes the token on: the receiver sees 0, 1, 2, ... in order.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void fifoChainOfSenders(ChannelKind kind) throws Exception {
        int n = 1_000;
        Channel<Integer> shared = kind.createTyped();
        try (ExecutorService routines = Executors.newVirtualThreadPerTaskExecutor()) {
            Channel<Boolean> first = kind.createTyped();
            Channel<Boolean> token = first;
            for (int i = 0; i < n; i++) {
                Channel<Boolean> in = token;
                Channel<Boolean> out = kind.createTyped();
                int id = i;
                routines.submit(() -> {
                    in.receive();
                    shared.send(id);
                    out.send(Boolean.TRUE);
                    return null;
                });
                token = out;
            }
            Channel<Boolean> last = token;
            Future<?> starter = routines.submit(() -> {
                first.send(Boolean.TRUE);
                return null;
            });
            for (int i = 0; i < n; i++) {
                assertEquals(i, shared.receive());
            }
            assertEquals(Boolean.TRUE, last.receive());
            starter.get();
        }
    }

    /** nonblock: try-operations never block, and succeed once the other side is there. */
    @ParameterizedTest
    @MethodSource("kinds")
    void nonblock(ChannelKind kind) throws Exception {
        Channel<Integer> channel = kind.createTyped();
        assertNull(channel.tryReceive(), "empty: tryReceive returns at once");
        if (kind.rendezvous()) {
            assertFalse(channel.trySend(1), "no receiver waiting");
            Thread receiver = Thread.ofVirtual().start(() -> {
                try {
                    assertEquals(7, channel.receive());
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            while (!channel.trySend(7)) {
                Thread.onSpinWait();   // succeeds once the receiver is waiting
            }
            receiver.join();
            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    channel.send(8);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            Integer v;
            while ((v = channel.tryReceive()) == null) {
                Thread.onSpinWait();   // succeeds once the sender is waiting
            }
            assertEquals(8, v);
            sender.join();
        } else {
            assertTrue(channel.trySend(1));
            assertEquals(1, channel.tryReceive());
            if (!kind.unbounded()) {
                for (int i = 0; i < kind.capacity(); i++) {
                    assertTrue(channel.trySend(i));
                }
                assertFalse(channel.trySend(-1), "full: trySend returns false at once");
            }
        }
    }

    /** zerosize: a value with no state (one shared instance) passes any number of times, each counted. */
    @ParameterizedTest
    @MethodSource("kinds")
    void zerosize(ChannelKind kind) throws Exception {
        enum Empty { VALUE }
        Channel<Empty> channel = kind.createTyped();
        int n = 10_000;
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < n; i++) {
                    channel.send(Empty.VALUE);
                }
                channel.close();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        int count = 0;
        for (Empty e : channel) {
            assertSame(Empty.VALUE, e);
            count++;
        }
        sender.join();
        assertEquals(n, count);
    }

    /** goroutines: a daisy chain of 10,000 routines, each passing a value one step right, adding 1. */
    @ParameterizedTest
    @MethodSource("kinds")
    void goroutinesDaisyChain(ChannelKind kind) throws Exception {
        int n = 10_000;
        try (ExecutorService routines = Executors.newVirtualThreadPerTaskExecutor()) {
            Channel<Integer> leftmost = kind.createTyped();
            Channel<Integer> left = leftmost;
            for (int i = 0; i < n; i++) {
                Channel<Integer> from = left;
                Channel<Integer> to = kind.createTyped();
                routines.submit(() -> {
                    to.send(1 + from.receive());
                    return null;
                });
                left = to;
            }
            leftmost.send(0);
            assertEquals(n, left.receive());
        }
    }
}
