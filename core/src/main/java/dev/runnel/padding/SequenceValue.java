package dev.runnel.padding;

/** The padded sequence's value, alone on its cache line. */
abstract class SequenceValue extends SequenceL0Pad {
    long value;
}
