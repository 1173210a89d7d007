package dev.runnel.ring;

/**
 * A {@link ClosableRing} for any number of producers and one consumer: producers claim positions by CAS of the
 * producer index (with the exact-capacity limit and the closed bit) and publish by a release store of the
 * element; the consumer takes the element at its index, clears the slot and publishes its index.
 */
final class ClosableMpscRing<E> extends AbstractClosableRing<E> {
    private final boolean fenced;

    ClosableMpscRing(int capacity, boolean fenced) {
        super(capacity);
        this.fenced = fenced;
    }

    @Override
    public boolean offer(E e) {
        AbstractObjectRing.requireElement(e);
        final long index = claim();
        if (index < 0) {
            return false;
        }
        AbstractObjectRing.elementRelease(buffer, AbstractObjectRing.slot(index, mask), e);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E poll() {
        final Object[] buffer = this.buffer;
        final long index = consumerIndexPlain();
        final int slot = AbstractObjectRing.slot(index, mask);
        final Object e = AbstractObjectRing.elementAcquire(buffer, slot);
        if (e == null) {
            return null;
        }
        // The plain clear is ordered before the index store; a producer reuses the slot only after reading it.
        AbstractObjectRing.elementPlain(buffer, slot, null);
        if (fenced) {
            consumerIndexVolatile(index + 1);
        } else {
            consumerIndexRelease(index + 1);
        }
        return (E) e;
    }
}
