/**
 * Go's goroutines on the JVM: {@link dev.runnel.routines.Routines#go(java.util.concurrent.Callable)} (virtual
 * threads), structured {@link dev.runnel.routines.Scope scopes}, {@link dev.runnel.routines.WaitGroup},
 * {@link dev.runnel.routines.Timers timer channels} usable in select, and the
 * {@link dev.runnel.routines.Scheduler}: carrier threads pinned to CPUs and placed by NUMA node, idling by
 * spinning before they park, stealing work from each other, on which routines run as virtual threads.
 */
module dev.runnel.routines {
    requires transitive dev.runnel;
    requires transitive dev.runnel.affinity;
    requires transitive dev.runnel.numa;
    requires dev.runnel.ring;
    requires dev.runnel.bounded;
    exports dev.runnel.routines;
}
