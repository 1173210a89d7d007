package dev.runnel.examples;

/** A pipeline message: reused from a pool, never allocated per send. */
final class Message {
    long sequence;
    /** When the message was due to be sent (paced runs) or was sent (saturated runs), from {@link System#nanoTime()}. */
    long sentAtNanos;
}
