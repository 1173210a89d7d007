package dev.runnel.spi;

import dev.runnel.ChannelClosedException;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A channel's close: open, closed, or failed with a cause, set once by CAS; and the exceptions that senders
 * and receivers throw afterwards, each carrying the cause.
 */
public final class CloseState {
    private static final VarHandle STATE;
    private static final Object CLOSED_NORMALLY = new Object();

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(CloseState.class, "state", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // through STATE
    private Object state;   // null: open; CLOSED_NORMALLY; or the cause

    /** Creates an open state. */
    public CloseState() {
    }

    /**
     * Closes, once.
     *
     * @param cause the failure to report to senders and receivers, or {@code null} for a normal close
     * @return {@code true} if this call closed it; {@code false} if it was closed already (the first cause stays)
     */
    public boolean close(Throwable cause) {
        return STATE.compareAndSet(this, null, cause == null ? CLOSED_NORMALLY : cause);
    }

    /**
     * Tells whether {@link #close(Throwable)} has succeeded.
     *
     * @return {@code true} if closed
     */
    public boolean isClosed() {
        return STATE.getAcquire(this) != null;
    }

    /**
     * Returns the close cause.
     *
     * @return the cause given to {@link #close(Throwable)}, or {@code null} if open or closed normally
     */
    public Throwable cause() {
        final Object s = STATE.getAcquire(this);
        return s instanceof Throwable t ? t : null;
    }

    /**
     * Builds the exception for a send on the closed channel.
     *
     * @return a new exception carrying the cause
     */
    public ChannelClosedException sendException() {
        return new ChannelClosedException("send on a closed channel", cause());
    }

    /**
     * Builds the exception for a receive on the closed and drained channel.
     *
     * @return a new exception carrying the cause
     */
    public ChannelClosedException receiveException() {
        return new ChannelClosedException("receive on a closed and drained channel", cause());
    }

    @Override
    public String toString() {
        final Object s = STATE.getAcquire(this);
        return s == null ? "open" : s == CLOSED_NORMALLY ? "closed" : "failed(" + s + ")";
    }
}
