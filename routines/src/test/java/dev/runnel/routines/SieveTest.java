package dev.runnel.routines;

import dev.runnel.Channel;
import dev.runnel.bounded.BoundedChannel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Go's concurrent prime sieve: a generator routine, then one filter routine per prime found, chained by
 * rendezvous channels; each filter passes on what its prime does not divide. Every routine ends when the
 * scope is cancelled.
 */
class SieveTest {
    private static final int PRIMES = 300;

    private static List<Integer> sieve(Scheduler scheduler) throws InterruptedException {
        final List<Integer> primes = new ArrayList<>();
        scheduler.scope(scope -> {
            Channel<Integer> ch = BoundedChannel.create(0);
            final Channel<Integer> first = ch;
            scope.go(() -> {
                for (int i = 2; ; i++) {
                    first.send(i);
                }
            });
            for (int n = 0; n < PRIMES; n++) {
                final int prime = ch.receive();
                primes.add(prime);
                final Channel<Integer> in = ch;
                final Channel<Integer> out = BoundedChannel.create(0);
                scope.go(() -> {
                    while (true) {
                        final int v = in.receive();
                        if (v % prime != 0) {
                            out.send(v);
                        }
                    }
                });
                ch = out;
            }
            scope.cancel(); // the generator and every filter are blocked on a channel: cancel them all
        });
        return primes;
    }

    private static List<Integer> trialDivision() {
        return IntStream.iterate(2, i -> i + 1)
                .filter(n -> IntStream.rangeClosed(2, (int) Math.sqrt(n)).noneMatch(d -> n % d == 0))
                .limit(PRIMES).boxed().toList();
    }

    @Test
    void onTheDefaultScheduler() throws InterruptedException {
        assertEquals(trialDivision(), sieve(Scheduler.DEFAULT));
    }

    @Test
    void onAPinnedScheduler() throws InterruptedException {
        try (Scheduler pinned = Scheduler.builder().workers(2).pinned(true).build()) {
            assertEquals(trialDivision(), sieve(pinned));
            assertEquals(pinned.stats().started(), pinned.stats().finished(), "every filter has ended");
        }
    }

    @Test
    void onPlatformCarriersWithOneCarrierPerRoutine() throws InterruptedException {
        // the platform fallback: each routine holds a carrier while it blocks, so give it enough carriers
        try (Scheduler platform = Scheduler.builder().workers(PRIMES + 2).virtualThreads(false)
                .waitStrategy(dev.runnel.WaitStrategy.park()).build()) {
            assertEquals(trialDivision(), sieve(platform));
        }
    }
}
