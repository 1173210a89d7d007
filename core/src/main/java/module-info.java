/**
 * Runnel core: the channel contracts ({@link dev.runnel.SendChannel}, {@link dev.runnel.ReceiveChannel},
 * {@link dev.runnel.Channel}), their exceptions, the wait and idle strategies, and the cache-line padding
 * template that every ring and channel of the project extends.
 */
module dev.runnel {
    exports dev.runnel;
    exports dev.runnel.padding;
    exports dev.runnel.spi;
}
