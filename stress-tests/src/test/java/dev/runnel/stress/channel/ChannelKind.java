package dev.runnel.stress.channel;

import dev.runnel.Channel;
import dev.runnel.WaitStrategy;
import dev.runnel.bounded.BoundedChannel;
import dev.runnel.unbounded.UnboundedChannel;

import java.util.List;
import java.util.function.Supplier;

/** A channel kind under test: a name for reports and a factory. */
record ChannelKind(String name, int capacity, boolean singleConsumer, Supplier<Channel<Object>> factory) {

    Channel<Object> create() {
        return factory.get();
    }

    <T> Channel<T> createTyped() {
        @SuppressWarnings("unchecked")
        Channel<T> channel = (Channel<T>) (Channel<?>) factory.get();
        return channel;
    }

    boolean rendezvous() {
        return capacity == 0;
    }

    boolean unbounded() {
        return capacity == Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return name;
    }

    static ChannelKind bounded(int capacity, WaitStrategy strategy) {
        return new ChannelKind("bounded(" + capacity + ", " + strategy.name() + ")", capacity, false,
                () -> BoundedChannel.builder().capacity(capacity).waitStrategy(strategy).build());
    }

    static ChannelKind singleConsumer(int capacity, WaitStrategy strategy) {
        return new ChannelKind("bounded(" + capacity + ", singleConsumer, " + strategy.name() + ")", capacity, true,
                () -> BoundedChannel.builder().capacity(capacity).singleConsumer().waitStrategy(strategy).build());
    }

    static ChannelKind unboundedKind(WaitStrategy strategy) {
        return new ChannelKind("unbounded(" + strategy.name() + ")", Integer.MAX_VALUE, false,
                () -> UnboundedChannel.create(strategy));
    }

    static ChannelKind priority(int capacity, WaitStrategy strategy) {
        return new ChannelKind("priority(3 levels of " + capacity + ", " + strategy.name() + ")", capacity, false,
                () -> new PriorityAsChannel<>(dev.runnel.priority.PriorityChannel.builder().levels(3)
                        .capacityPerLevel(capacity).waitStrategy(strategy).build(), 0));
    }

    /** Every kind, for tests with any number of receivers. */
    static List<ChannelKind> all() {
        return List.of(
                bounded(0, WaitStrategy.defaultStrategy()),
                bounded(0, WaitStrategy.park()),
                bounded(1, WaitStrategy.defaultStrategy()),
                bounded(16, WaitStrategy.park()),
                bounded(1024, WaitStrategy.spinThenPark(64)),
                unboundedKind(WaitStrategy.defaultStrategy()),
                priority(4, WaitStrategy.park()));
    }

    /** Every kind, plus the single-consumer ones, for tests with one receiver. */
    static List<ChannelKind> allOneReceiver() {
        List<ChannelKind> kinds = new java.util.ArrayList<>(all());
        kinds.add(singleConsumer(1, WaitStrategy.park()));
        kinds.add(singleConsumer(64, WaitStrategy.defaultStrategy()));
        return kinds;
    }
}
