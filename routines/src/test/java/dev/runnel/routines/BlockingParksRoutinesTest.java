package dev.runnel.routines;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The JDK's own blocking calls park a routine, not its carrier: on a scheduler with <b>one</b> carrier, a
 * routine blocked in a socket read, a lock, a semaphore, a latch or a monitor leaves the carrier free, and
 * another routine runs to completion meanwhile. (If the blocked routine held the carrier, the second routine
 * could not run until the first was released, and the test would time out.)
 */
class BlockingParksRoutinesTest {
    private static Scheduler one;

    @BeforeAll
    static void oneCarrier() {
        one = Scheduler.builder().workers(1).name("one").build();
        assumeTrue(one.usesVirtualThreads(), "needs --add-opens java.base/java.lang (./runnel passes it)");
    }

    @AfterAll
    static void close() {
        one.close();
    }

    /** Starts {@code blocked}, waits until it is parked, checks another routine runs, then releases it. */
    private static <T> T whileBlocked(Scheduler s, Callable<T> blocked, Runnable release) throws Exception {
        final Routine<T> r = s.go(blocked);
        SchedulerTest.awaitParked(s, 1);
        final Routine<String> other = s.go(() -> "ran");
        assertEquals("ran", other.join(Duration.ofSeconds(10)), "the carrier is free while a routine blocks");
        assertFalse(r.isDone());
        release.run();
        return r.join(Duration.ofSeconds(10));
    }

    @Test
    void socketRead() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            final InputStream in = accepted.getInputStream();
            final OutputStream out = client.getOutputStream();
            assertEquals(Integer.valueOf(42), whileBlocked(one, () -> in.read(), () -> {
                try {
                    out.write(42);
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }

    @Test
    void socketAccept() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            final List<Socket> clients = new ArrayList<>();
            final Socket accepted = whileBlocked(one, server::accept, () -> {
                try {
                    clients.add(new Socket(server.getInetAddress(), server.getLocalPort()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            accepted.close();
            clients.get(0).close();
        }
    }

    @Test
    void reentrantLock() throws Exception {
        final ReentrantLock lock = new ReentrantLock();
        lock.lock();
        assertEquals("locked", whileBlocked(one, () -> {
            lock.lock();
            try {
                return "locked";
            } finally {
                lock.unlock();
            }
        }, lock::unlock));
    }

    @Test
    void semaphoreAndLatch() throws Exception {
        final Semaphore semaphore = new Semaphore(0);
        assertEquals(true, whileBlocked(one, () -> semaphore.tryAcquire(60, TimeUnit.SECONDS), semaphore::release));
        final CountDownLatch latch = new CountDownLatch(1);
        assertEquals(true, whileBlocked(one, () -> latch.await(60, TimeUnit.SECONDS), latch::countDown));
    }

    @Test
    void monitor() throws Exception {
        final Object monitor = new Object();
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final Thread holder = Thread.ofPlatform().start(() -> {
            synchronized (monitor) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        held.await();
        assertEquals("entered", whileBlocked(one, () -> {
            synchronized (monitor) {
                return "entered";
            }
        }, release::countDown));
        holder.join();
    }

    @Test
    void regularFilesAreReadWithoutHoldingAnything(@TempDir Path dir) throws Exception {
        final Path file = dir.resolve("data");
        java.nio.file.Files.write(file, new byte[1 << 20]);
        try (Scheduler s = Scheduler.builder().workers(1).build()) {
            final Routine<Integer> r = s.go(() -> java.nio.file.Files.readAllBytes(file).length);
            assertEquals(1 << 20, r.join(Duration.ofSeconds(10)));
        }
    }

    /**
     * The limit, measured rather than assumed: a read that blocks in the kernel on a FIFO (or a pipe, a device)
     * holds its carrier on JDK 25, on Runnel's carriers as on the JDK's own scheduler (which was seen not to
     * compensate for it either). The JDK parks virtual threads for sockets and {@code java.nio} pipes, which go
     * through its poller; a {@code FileInputStream} on a FIFO does not. Read such files from a platform thread,
     * or through a {@code java.nio.channels.Pipe}. If a later JDK parks here, this test fails: update the docs.
     */
    @Test
    void aBlockingFifoReadHoldsItsCarrier(@TempDir Path dir) throws Exception {
        final Path fifo = mkfifo(dir);
        try (Scheduler s = Scheduler.builder().workers(1).build()) {
            final Routine<Integer> reader = s.go(() -> {
                try (FileInputStream in = new FileInputStream(fifo.toFile())) {
                    return in.read();
                }
            });
            try (FileOutputStream out = new FileOutputStream(fifo.toFile())) { // opens once the reader has
                Thread.sleep(50); // the reader is in read() now, in the kernel
                final Routine<String> other = s.go(() -> "ran");
                assertThrows(java.util.concurrent.TimeoutException.class, () -> other.join(Duration.ofMillis(300)),
                        "the only carrier is held by the blocked read");
                out.write(7);
                out.flush();
                assertEquals(7, reader.join(Duration.ofSeconds(10)));
                assertEquals("ran", other.join(Duration.ofSeconds(10)));
            }
        }
    }

    private static Path mkfifo(Path dir) throws Exception {
        final Path fifo = dir.resolve("fifo");
        final Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assumeTrue(p.waitFor() == 0, "mkfifo is needed");
        return fifo;
    }
}
