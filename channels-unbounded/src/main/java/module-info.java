/**
 * Runnel's unbounded channels: {@link dev.runnel.unbounded.UnboundedChannel}, whose sends never block.
 */
module dev.runnel.unbounded {
    requires transitive dev.runnel;
    exports dev.runnel.unbounded;
}
