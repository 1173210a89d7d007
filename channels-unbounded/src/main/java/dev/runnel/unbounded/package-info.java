/** Unbounded channels over linked segments of arrays: {@link dev.runnel.unbounded.UnboundedChannel#create()}. */
package dev.runnel.unbounded;
