/**
 * Runnel's priority channels: {@link dev.runnel.priority.PriorityChannel}, several bounded levels behind one
 * receive, the most urgent non-empty level served first.
 */
module dev.runnel.priority {
    requires transitive dev.runnel;
    requires dev.runnel.ring;
    exports dev.runnel.priority;
}
