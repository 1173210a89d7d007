/**
 * Runnel's rings: bounded lock-free object rings ({@link dev.runnel.ring.SpscRing}, {@link dev.runnel.ring.MpscRing},
 * {@link dev.runnel.ring.MpmcRing}) that the channels are built on.
 */
module dev.runnel.ring {
    requires transitive dev.runnel;
    exports dev.runnel.ring;
}
