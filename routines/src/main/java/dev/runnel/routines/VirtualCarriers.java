package dev.runnel.routines;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Virtual threads on Runnel's own carriers. The JDK has no public API for this: its virtual-thread builder has
 * a constructor taking the {@link Executor} that schedules the threads' continuations
 * ({@code java.lang.ThreadBuilders.VirtualThreadBuilder(Executor)}), reachable only when {@code java.lang} is
 * open to this module ({@code --add-opens java.base/java.lang=ALL-UNNAMED} on the class path,
 * {@code =dev.runnel.routines} on the module path). Where it is not, the scheduler runs routines on its
 * platform carriers and {@link #sayOnce()} says so.
 */
final class VirtualCarriers {
    private static final Constructor<?> BUILDER;
    private static final MethodHandle CURRENT_CARRIER;
    private static final String UNAVAILABLE;
    private static final AtomicBoolean SAID = new AtomicBoolean();

    static {
        Constructor<?> builder = null;
        MethodHandle carrier = null;
        String reason = null;
        final Module me = VirtualCarriers.class.getModule();
        final String target = me.isNamed() ? me.getName() : "ALL-UNNAMED";
        if (!Thread.class.getModule().isOpen("java.lang", me)) {
            reason = "java.lang is not open to " + target + " (start the JVM with --add-opens java.base/java.lang="
                    + target + ")";
        } else {
            try {
                builder = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder")
                        .getDeclaredConstructor(Executor.class);
                builder.setAccessible(true);
                carrier = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup())
                        .findStatic(Thread.class, "currentCarrierThread", MethodType.methodType(Thread.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                builder = null;
                carrier = null;
                reason = "this JDK has no VirtualThreadBuilder(Executor) (" + e + ")";
            }
        }
        BUILDER = builder;
        CURRENT_CARRIER = carrier;
        UNAVAILABLE = reason;
    }

    private VirtualCarriers() {
    }

    /** Why virtual threads cannot run on Runnel's carriers here, or {@code null} if they can. */
    static String unavailableReason() {
        return UNAVAILABLE;
    }

    /** A factory of virtual threads named {@code name} whose continuations run on {@code carriers}. */
    static ThreadFactory factory(Executor carriers, String name) {
        try {
            return ((Thread.Builder.OfVirtual) BUILDER.newInstance(carriers)).name(name).factory();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build virtual threads on Runnel's carriers", e);
        }
    }

    /** The platform thread carrying the calling thread (the thread itself if it is a platform thread). */
    static Thread currentCarrier() {
        try {
            return (Thread) CURRENT_CARRIER.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void sayOnce() {
        if (SAID.compareAndSet(false, true)) {
            System.getLogger("dev.runnel.routines").log(System.Logger.Level.WARNING, "Runnel: routines of a"
                    + " Scheduler run on its platform carrier threads, not as virtual threads: " + UNAVAILABLE
                    + ". A routine that blocks holds its carrier until it resumes.");
        }
    }
}
