package dev.runnel.affinity;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AffinityTest {

    /** Runs {@code body} on a fresh platform thread, so that pinning never leaks into the test runner. */
    private static void onFreshThread(Runnable body) throws InterruptedException {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread t = Thread.ofPlatform().start(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    @Test
    void pinsToEachAllowedCpuAndReadsTheMaskBack() throws InterruptedException {
        assumeTrue(Affinity.isAvailable(), Affinity::unavailableReason);
        final CpuSet allowed = Affinity.currentMask();
        for (int cpu : allowed.toArray()) {
            onFreshThread(() -> {
                assertTrue(Affinity.pin(cpu));
                assertEquals(CpuSet.of(cpu), Affinity.currentMask());
                for (int i = 0; i < 100; i++) {
                    assertEquals(cpu, Affinity.currentCpu(), "the kernel runs a pinned thread on its CPU only");
                    Thread.onSpinWait();
                }
                assertTrue(Affinity.pin(allowed));
                assertEquals(allowed, Affinity.currentMask());
            });
        }
    }

    @Test
    void aCpuTheProcessMayNotUseIsAClearError() throws InterruptedException {
        assumeTrue(Affinity.isAvailable(), Affinity::unavailableReason);
        onFreshThread(() -> {
            final CpuSet before = Affinity.currentMask();
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Affinity.pin(CpuSet.MAX_CPU));
            assertTrue(e.getMessage().contains("cpus=8191 holds no CPU this process may run on"), e.getMessage());
            assertEquals(before, Affinity.currentMask(), "a refused pin leaves the mask as it was");
        });
        assertThrows(IllegalArgumentException.class, () -> Affinity.pin(-1));
        assertThrows(IllegalArgumentException.class, () -> Affinity.pin(CpuSet.empty()));
    }

    @Test
    void virtualThreadsAreRefused() throws InterruptedException {
        final AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                Affinity.pin(0);
            } catch (Throwable t) {
                thrown.set(t);
            }
        }).join();
        assertInstanceOf(IllegalStateException.class, thrown.get());
        assertTrue(thrown.get().getMessage().contains("cannot pin a virtual thread"));
    }

    @Test
    void systemAllocatorPinsAndRestores() throws InterruptedException {
        assumeTrue(Affinity.isAvailable(), Affinity::unavailableReason);
        final CpuAllocator allocator = CpuAllocator.system();
        assumeTrue(!allocator.reserved().isEmpty(), "no reserved CPU on this machine");
        onFreshThread(() -> {
            final CpuSet before = Affinity.currentMask();
            try (CpuLease lease = allocator.acquire()) {
                assertTrue(lease.isPinned());
                assertEquals(lease.cpus(), Affinity.currentMask());
                assertEquals(allocator.reserved().minus(lease.cpus()), allocator.free());
            }
            assertEquals(before, Affinity.currentMask());
            assertEquals(allocator.reserved(), allocator.free());
        });
    }
}
