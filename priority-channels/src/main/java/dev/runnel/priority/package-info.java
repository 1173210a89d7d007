/** Multi-level priority channels: {@link dev.runnel.priority.PriorityChannel#create(int, int)}. */
package dev.runnel.priority;
