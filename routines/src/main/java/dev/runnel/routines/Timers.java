package dev.runnel.routines;

import dev.runnel.spi.Timeouts;
import dev.runnel.ReceiveChannel;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Go's {@code time.After} and {@code time.Tick} as Runnel channels, usable in {@code select}, driven by one
 * daemon thread of the JDK's {@link ScheduledThreadPoolExecutor} ({@code runnel-timers}).
 *
 * <pre>{@code
 * Selector sel = Selector.create();
 * var data = sel.receive(feed);
 * var timeout = sel.receive(Timers.after(Duration.ofMillis(5)));
 * }</pre>
 */
public final class Timers {
    private static final ScheduledThreadPoolExecutor EXECUTOR = executor();

    private Timers() {
    }

    /**
     * Returns a channel that receives the time once, after {@code delay}. Like Go's {@code time.After} it is
     * never closed: after its one value, receives wait (a select simply never picks it again).
     *
     * @param delay how long from now, not negative
     * @return the channel
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public static ReceiveChannel<Instant> after(Duration delay) {
        final long nanos = Timeouts.nanos("delay", delay);
        final TimerChannel timer = new TimerChannel();
        EXECUTOR.schedule(timer::fire, nanos, TimeUnit.NANOSECONDS);
        return timer;
    }

    /**
     * Returns a ticker that receives the time every {@code period}, the first after one period, until closed.
     *
     * @param period the period, positive
     * @return the ticker; close it to stop it
     * @throws IllegalArgumentException if {@code period} is zero or negative
     */
    public static Ticker tick(Duration period) {
        final long nanos = Timeouts.nanos("period", period);
        if (nanos == 0) {
            throw new IllegalArgumentException("period=" + period + " must be positive");
        }
        final Ticker ticker = new Ticker();
        ticker.schedule(EXECUTOR.scheduleAtFixedRate(ticker::fire, nanos, nanos, TimeUnit.NANOSECONDS));
        return ticker;
    }

    private static ScheduledThreadPoolExecutor executor() {
        final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            final Thread t = new Thread(r, "runnel-timers");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
