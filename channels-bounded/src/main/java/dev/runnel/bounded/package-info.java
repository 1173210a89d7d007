/**
 * Bounded and rendezvous channels: {@link dev.runnel.bounded.BoundedChannel#create(int)} and
 * {@link dev.runnel.bounded.BoundedChannel#builder()}.
 */
package dev.runnel.bounded;
