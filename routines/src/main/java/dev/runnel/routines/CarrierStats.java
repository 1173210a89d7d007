package dev.runnel.routines;

/**
 * One carrier thread's counters, read without stopping it (each is exact, the set is not one instant).
 *
 * @param index     the carrier's number in its scheduler
 * @param cpu       the CPU it was asked to run on, or {@code -1} if unpinned
 * @param pinned    whether pinning it succeeded
 * @param tasks     tasks run: virtual-thread continuations (a routine's start and each resume), or routines on
 *                  the platform fallback
 * @param steals    tasks it took from another carrier's queue
 * @param idleSpins idle rounds spent spinning or yielding with no task
 * @param idleParks times it parked with no task
 * @param busy      whether it runs a task now
 */
public record CarrierStats(int index, int cpu, boolean pinned, long tasks, long steals, long idleSpins,
        long idleParks, boolean busy) {
}
