/**
 * Runnel's bounded channels: buffered channels over a closable ring with an exact capacity, and rendezvous
 * channels (capacity 0) that hand each value from a sender to a receiver. Start at
 * {@link dev.runnel.bounded.BoundedChannel}.
 */
module dev.runnel.bounded {
    requires transitive dev.runnel;
    requires dev.runnel.ring;
    exports dev.runnel.bounded;
}
