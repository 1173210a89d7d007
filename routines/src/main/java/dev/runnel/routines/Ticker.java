package dev.runnel.routines;

import java.util.concurrent.Future;

/**
 * A channel that receives the time every period, from {@link Timers#tick(java.time.Duration)}. It holds at most
 * one tick: a receiver slower than the period misses ticks rather than falling behind (as Go's tickers do).
 *
 * <p>{@link #close()} stops it: no tick is sent after close returns; a tick already held can still be received,
 * and then receives throw {@link dev.runnel.ChannelClosedException} (and a select sees the case closed), as on
 * any closed channel.
 */
public final class Ticker extends TimerChannel implements AutoCloseable {
    private volatile Future<?> schedule;

    Ticker() {
    }

    void schedule(Future<?> schedule) {
        this.schedule = schedule;
    }

    /** Stops the ticks; a second close does nothing. */
    @Override
    public void close() {
        final Future<?> f = schedule;
        if (f != null) {
            f.cancel(false);
        }
        slot.close();
    }

    @Override
    public String toString() {
        return "Ticker[" + (isClosedForReceive() ? "stopped" : "ticking") + "]";
    }
}
