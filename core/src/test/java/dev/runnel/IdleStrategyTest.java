package dev.runnel;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdleStrategyTest {

    @Test
    void backoffDoublesItsParkPeriodUpToTheCapAndResetsOnWork() {
        BackoffIdleStrategy b = (BackoffIdleStrategy) IdleStrategy.backoff(2, 1, Duration.ofNanos(1_000),
                Duration.ofNanos(4_000));
        b.idle();   // spin
        b.idle();   // spin
        b.idle();   // yield
        assertEquals(1_000, b.parkPeriodNanos());
        b.idle();   // park 1000
        assertEquals(2_000, b.parkPeriodNanos());
        b.idle();   // park 2000
        b.idle();   // park 4000
        b.idle();   // park 4000
        assertEquals(4_000, b.parkPeriodNanos());
        b.idle(0);
        assertEquals(4_000, b.parkPeriodNanos(), "no work: keeps backing off");
        b.idle(1);
        assertEquals(1_000, b.parkPeriodNanos(), "work resets it");
        assertEquals("backoff", b.alias());
    }

    @Test
    void sleepingSleepsAboutItsPeriod() {
        IdleStrategy s = IdleStrategy.sleeping(Duration.ofMillis(2));
        long start = System.nanoTime();
        s.idle();
        assertTrue(System.nanoTime() - start >= 1_000_000, "parked for about the period");
        assertEquals("sleep", s.alias());
    }

    @Test
    void statelessStrategiesHaveAliases() {
        assertEquals("noop", IdleStrategy.noOp().alias());
        assertEquals("spin", IdleStrategy.busySpin().alias());
        assertEquals("yield", IdleStrategy.yielding().alias());
        for (IdleStrategy s : new IdleStrategy[] {IdleStrategy.noOp(), IdleStrategy.busySpin(), IdleStrategy.yielding()}) {
            s.idle();
            s.idle(0);
            s.idle(5);
            s.reset();
        }
    }

    @Test
    void badSettingsAreRejectedNamingTheArgument() {
        assertEquals("maxSpins=-1, must be >= 0", assertThrows(IllegalArgumentException.class,
                () -> IdleStrategy.backoff(-1, 0, Duration.ofNanos(1), Duration.ofNanos(1))).getMessage());
        assertEquals("maxYields=-1, must be >= 0", assertThrows(IllegalArgumentException.class,
                () -> IdleStrategy.backoff(0, -1, Duration.ofNanos(1), Duration.ofNanos(1))).getMessage());
        assertEquals("minParkPeriod=0ns, must be > 0", assertThrows(IllegalArgumentException.class,
                () -> IdleStrategy.backoff(0, 0, Duration.ZERO, Duration.ofNanos(1))).getMessage());
        assertEquals("maxParkPeriod=5ns, must be >= minParkPeriod=10ns", assertThrows(IllegalArgumentException.class,
                () -> IdleStrategy.backoff(0, 0, Duration.ofNanos(10), Duration.ofNanos(5))).getMessage());
        assertEquals("period=-1000000ns, must be > 0", assertThrows(IllegalArgumentException.class,
                () -> IdleStrategy.sleeping(Duration.ofMillis(-1))).getMessage());
    }
}
