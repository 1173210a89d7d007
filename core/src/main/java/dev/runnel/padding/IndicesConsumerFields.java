package dev.runnel.padding;

/** The consumer's cache line: its index and its cached view of how far it may go. */
abstract class IndicesConsumerFields extends IndicesL1Pad {
    long consumerIndex;
    long consumerLimit;
}
