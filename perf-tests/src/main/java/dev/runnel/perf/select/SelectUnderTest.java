package dev.runnel.perf.select;

import dev.runnel.Channel;
import dev.runnel.WaitStrategy;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.select.Selector;

import java.util.ArrayList;
import java.util.List;

/**
 * A select over {@code width} buffered channels, for one implementation: Runnel's reusable {@link Selector}, or
 * Jox's {@code Select.select} (its clauses built once, as an array, which is Jox's cheapest use). One thread
 * selects; {@link #send} may be called from another.
 */
abstract class SelectUnderTest {
    static final int CAPACITY = 16;
    static final Object VALUE = "value";

    abstract void send(int channel, Object value) throws InterruptedException;

    /** Selects one value from any channel. */
    abstract Object select() throws InterruptedException;

    abstract int width();

    static SelectUnderTest create(String impl, int width, boolean busySpin) {
        return switch (impl) {
            case "Runnel" -> new RunnelSelect(width, busySpin);
            case "Jox" -> new JoxSelect(width);
            default -> throw new IllegalArgumentException("impl=" + impl + ", must be Runnel or Jox");
        };
    }

    private static final class RunnelSelect extends SelectUnderTest {
        private final List<Channel<Object>> channels = new ArrayList<>();
        private final Selector selector;
        private final Selector.ReceiveCase<?>[] cases;

        RunnelSelect(int width, boolean busySpin) {
            selector = busySpin ? Selector.create(WaitStrategy.busySpin()) : Selector.create();
            cases = new Selector.ReceiveCase<?>[width];
            for (int i = 0; i < width; i++) {
                Channel<Object> c = BoundedChannel.create(CAPACITY);
                channels.add(c);
                cases[i] = selector.receive(c);
            }
        }

        @Override
        void send(int channel, Object value) throws InterruptedException {
            channels.get(channel).send(value);
        }

        @Override
        Object select() throws InterruptedException {
            return ((Selector.ReceiveCase<?>) selector.select()).value();
        }

        @Override
        int width() {
            return channels.size();
        }
    }

    private static final class JoxSelect extends SelectUnderTest {
        private final List<com.softwaremill.jox.Channel<Object>> channels = new ArrayList<>();
        private final com.softwaremill.jox.SelectClause<?>[] clauses;

        JoxSelect(int width) {
            clauses = new com.softwaremill.jox.SelectClause<?>[width];
            for (int i = 0; i < width; i++) {
                com.softwaremill.jox.Channel<Object> c = com.softwaremill.jox.Channel.newBufferedChannel(CAPACITY);
                channels.add(c);
                clauses[i] = c.receiveClause();
            }
        }

        @Override
        void send(int channel, Object value) throws InterruptedException {
            channels.get(channel).send(value);
        }

        @Override
        Object select() throws InterruptedException {
            return com.softwaremill.jox.Select.select(clauses);
        }

        @Override
        int width() {
            return channels.size();
        }
    }
}
