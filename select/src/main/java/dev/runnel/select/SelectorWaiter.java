package dev.runnel.select;

import dev.runnel.spi.Waiter;

/** A selector's one waiter: a channel that passes one of its registrations sets that case's readiness bit. */
final class SelectorWaiter extends Waiter {
    private final ReadinessMask mask;

    SelectorWaiter(Thread owner, ReadinessMask mask) {
        super(owner);
        this.mask = mask;
    }

    @Override
    protected void readied(int key) {
        mask.set(key);
    }
}
