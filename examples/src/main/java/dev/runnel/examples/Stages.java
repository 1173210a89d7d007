package dev.runnel.examples;

import dev.runnel.routines.Routines;
import dev.runnel.routines.Scheduler;
import dev.runnel.routines.ScopeBody;

/**
 * Where the demo's pipeline stages run: as routines on the JDK's virtual-thread scheduler, or on a Runnel
 * {@link Scheduler} whose carriers are pinned to CPUs. Either way the stages are started in a structured scope.
 *
 * @param name      how the results name it
 * @param scheduler the Runnel scheduler, or {@code null} for the JDK's
 */
record Stages(String name, Scheduler scheduler) {

    static Stages jdk() {
        return new Stages("routines (JDK sched.)", null);
    }

    static Stages pinned(Scheduler scheduler) {
        return new Stages("routines (pinned)", scheduler);
    }

    void scope(ScopeBody body) throws InterruptedException {
        if (scheduler == null) {
            Routines.scope(body);
        } else {
            scheduler.scope(body);
        }
    }
}
