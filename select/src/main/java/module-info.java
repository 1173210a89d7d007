/**
 * Go's {@code select} over Runnel channels: the one-shot {@link dev.runnel.select.Select} and the reusable,
 * zero-garbage {@link dev.runnel.select.Selector}, whose cost grows with the ready cases, not with all cases.
 */
module dev.runnel.select {
    requires transitive dev.runnel;
    exports dev.runnel.select;
}
