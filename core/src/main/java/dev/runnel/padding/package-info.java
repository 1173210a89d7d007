/**
 * Cache-line padding for structures shared between threads: {@link dev.runnel.padding.PaddedIndices} for
 * producer/consumer structures (rings, channels) to extend, and {@link dev.runnel.padding.PaddedSequence} for a
 * single padded counter. Building blocks for implementers of rings and channels, not for channel users.
 */
package dev.runnel.padding;
