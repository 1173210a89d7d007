package dev.runnel.routines;

import dev.runnel.Channel;
import dev.runnel.bounded.BoundedChannel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeTest {

    @Test
    void waitsForEveryRoutineIncludingThoseStartedByRoutines() throws InterruptedException {
        final AtomicInteger ended = new AtomicInteger();
        Routines.scope(s -> {
            for (int i = 0; i < 10; i++) {
                s.go(() -> {
                    s.go(() -> {
                        Thread.sleep(20);
                        ended.incrementAndGet();
                        return null;
                    });
                    ended.incrementAndGet();
                });
            }
        });
        assertEquals(20, ended.get());
    }

    @Test
    void theFirstFailureCancelsTheRestAndIsRethrownWithTheOthersSuppressed() throws InterruptedException {
        final Channel<Integer> never = BoundedChannel.create(1);
        final List<Routine<?>> blocked = new CopyOnWriteArrayList<>();
        final CountDownLatch twoBlocked = new CountDownLatch(2);
        final IllegalStateException first = new IllegalStateException("first");
        final IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Routines.scope(s -> {
            for (int i = 0; i < 2; i++) {
                blocked.add(s.go(() -> {
                    twoBlocked.countDown();
                    return never.receive();
                }));
            }
            twoBlocked.await();
            s.go(() -> {
                throw first;
            });
            // a second failure, once the first has cancelled everyone: it is suppressed
            s.go(() -> {
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException cancelled) {
                    throw new IllegalArgumentException("second", cancelled);
                }
                return null;
            });
        }));
        assertSame(first, thrown, "an unchecked failure is rethrown as is");
        for (Routine<?> r : blocked) {
            assertTrue(r.isDone());
            assertThrows(CancellationException.class, r::join);
        }
        assertEquals(0, thrown.getSuppressed().length,
                "the second routine failed because it was cancelled: that is a cancellation, not a failure");
    }

    @Test
    void laterIndependentFailuresAreSuppressed() {
        final CountDownLatch bothRunning = new CountDownLatch(2);
        final RuntimeException thrown = assertThrows(RuntimeException.class, () -> Routines.scope(s -> {
            for (String name : new String[] {"a", "b"}) {
                s.go(() -> {
                    bothRunning.countDown();
                    bothRunning.await();
                    throw new IllegalStateException(name); // both fail, whatever the cancellation
                });
            }
        }));
        // one of the two is first; the other ends after it and is suppressed unless it was already cancelled
        assertTrue(thrown.getMessage().equals("a") || thrown.getMessage().equals("b"));
        for (Throwable s : thrown.getSuppressed()) {
            assertInstanceOf(IllegalStateException.class, s);
        }
    }

    @Test
    void checkedFailuresAreWrapped() {
        final RoutineFailedException e = assertThrows(RoutineFailedException.class,
                () -> Routines.scope(s -> s.go(() -> {
                    throw new IOException("io");
                })));
        assertInstanceOf(IOException.class, e.getCause());
        final RoutineFailedException body = assertThrows(RoutineFailedException.class, () -> Routines.scope(s -> {
            throw new IOException("body");
        }));
        assertEquals("body", body.getCause().getMessage());
    }

    @Test
    void theBodysFailureCancelsTheRoutines() throws InterruptedException {
        final AtomicReference<Routine<Integer>> child = new AtomicReference<>();
        final Channel<Integer> never = BoundedChannel.create(1);
        assertThrows(UnsupportedOperationException.class, () -> Routines.scope(s -> {
            child.set(s.go(() -> never.receive()));
            throw new UnsupportedOperationException("body");
        }));
        assertTrue(child.get().isCancelled());
        assertTrue(child.get().isDone());
    }

    @Test
    void aCancelledScopeCancelsItsRoutinesAndNestedScopes() throws InterruptedException {
        final Channel<Integer> never = BoundedChannel.create(1);
        final CountDownLatch started = new CountDownLatch(2);
        final AtomicReference<Routine<Integer>> grandchild = new AtomicReference<>();
        final Routine<Void> owner = Routines.go(() -> {
            Routines.scope(s -> {
                s.go(() -> {
                    Routines.scope(inner -> {
                        grandchild.set(inner.go(() -> {
                            started.countDown();
                            return never.receive();
                        }));
                    });
                    return null;
                });
                s.go(() -> {
                    started.countDown();
                    return never.receive();
                });
            });
            return null;
        });
        started.await();
        owner.cancel();
        assertThrows(CancellationException.class, owner::join);
        assertTrue(grandchild.get().isDone(), "nothing outlives its scope, however deep");
        assertTrue(grandchild.get().isCancelled());
    }

    @Test
    void explicitCancelIsNotAFailure() throws InterruptedException {
        final Channel<Integer> never = BoundedChannel.create(1);
        final AtomicReference<Routine<Integer>> child = new AtomicReference<>();
        Routines.scope(s -> {
            child.set(s.go(() -> never.receive()));
            s.cancel();
            assertTrue(s.isCancelled());
            final Routine<Integer> late = s.go(() -> 1);
            assertThrows(CancellationException.class, late::join, "started in a cancelled scope: cancelled");
        });
        assertTrue(child.get().isCancelled());
    }

    @Test
    void nothingOutlivesItsScope() throws InterruptedException {
        final AtomicReference<Scope> escaped = new AtomicReference<>();
        Routines.scope(escaped::set);
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> escaped.get().go(() -> 1));
        assertTrue(e.getMessage().contains("cannot outlive its scope"));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void scopesWorkOnAPinnedScheduler() throws InterruptedException {
        try (Scheduler scheduler = Scheduler.builder().workers(2).pinned(true).build()) {
            final AtomicInteger sum = new AtomicInteger();
            scheduler.scope(s -> {
                for (int i = 1; i <= 100; i++) {
                    final int v = i;
                    s.go(() -> sum.addAndGet(v));
                }
            });
            assertEquals(5050, sum.get());
        }
    }
}
