/**
 * One-to-many channels: every subscriber receives every value, in order, through its own cursor over one ring.
 * Start at {@link dev.runnel.broadcast.BroadcastChannel}.
 */
module dev.runnel.broadcast {
    requires transitive dev.runnel;
    exports dev.runnel.broadcast;
}
