/**
 * The service-provider interface that every channel of Runnel implements and that {@code select} builds on:
 * how a blocked thread waits on a channel and how the operation that unblocks it wakes it.
 *
 * <ul>
 *   <li>{@link dev.runnel.spi.Waiter}: one waiting thread's claim ticket. Its state moves once, by CAS, from
 *       waiting to claimed (by a channel) or cancelled (by its owner: timeout, interrupt, another case won).
 *       That single CAS settles every race between a wake-up and a give-up.</li>
 *   <li>{@link dev.runnel.spi.WaitNode}: one registration of a waiter with one channel (a plain operation has
 *       one; a selector has one per case).</li>
 *   <li>{@link dev.runnel.spi.WaiterQueue}: a channel's queue of registrations for one direction, with a
 *       padded count that the fast path reads once.</li>
 *   <li>{@link dev.runnel.spi.Selectable}: what a selector asks of a channel.</li>
 * </ul>
 *
 * <p>Application code does not need this package; it is exported for channel implementations and selectors.
 * ADR 0004 describes the protocol and the lost-wake-up argument.
 */
package dev.runnel.spi;
