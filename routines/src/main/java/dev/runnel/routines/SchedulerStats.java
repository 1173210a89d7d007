package dev.runnel.routines;

import java.util.List;

/**
 * A {@link Scheduler}'s counters, read without stopping it.
 *
 * @param virtualThreads whether routines run as virtual threads on the carriers (else on the platform fallback)
 * @param started        routines started since the scheduler was built
 * @param finished       routines that have ended
 * @param running        routines running on a carrier now
 * @param queued         tasks waiting in the carriers' queues
 * @param parked         routines alive but neither running nor queued: parked on a channel, a lock, I/O, a sleep
 * @param steals         tasks taken by one carrier from another's queue, all carriers
 * @param carriers       each carrier's counters
 */
public record SchedulerStats(boolean virtualThreads, long started, long finished, long running, long queued,
        long parked, long steals, List<CarrierStats> carriers) {

    /**
     * Returns a one-line summary for logs.
     *
     * @return the summary
     */
    public String summary() {
        final StringBuilder sb = new StringBuilder().append(virtualThreads ? "virtual" : "platform")
                .append(" routines: started=").append(started).append(" finished=").append(finished)
                .append(" running=").append(running).append(" parked=").append(parked).append(" queued=")
                .append(queued).append(" steals=").append(steals);
        for (CarrierStats c : carriers) {
            sb.append(" | carrier ").append(c.index()).append(c.pinned() ? " cpu " + c.cpu() : " unpinned")
                    .append(": tasks=").append(c.tasks()).append(" idleSpins=").append(c.idleSpins())
                    .append(" idleParks=").append(c.idleParks());
        }
        return sb.toString();
    }
}
