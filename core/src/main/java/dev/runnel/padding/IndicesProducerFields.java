package dev.runnel.padding;

/** The producer's cache line: its index and its cached view of how far it may go. */
abstract class IndicesProducerFields extends IndicesL0Pad {
    long producerIndex;
    long producerLimit;
}
