package dev.runnel.stress.ring;

import dev.runnel.ring.ObjectRing;

import java.util.ArrayList;
import java.util.List;

/** Helpers for ring races: map {@code null} to 0, and check a set of observations for loss and duplicates. */
final class RaceValues {
    private RaceValues() {
    }

    static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    static List<Integer> drain(ObjectRing<Integer> ring) {
        List<Integer> rest = new ArrayList<>();
        Integer v;
        while ((v = ring.poll()) != null) {
            rest.add(v);
        }
        return rest;
    }

    /**
     * The verdict on what consumers saw: {@code "OK"}, or what went wrong.
     *
     * @param expected how many values {@code 1..expected} were offered successfully
     * @param seen     every value polled, by anyone
     */
    static String exactlyOnce(int expected, List<Integer> seen) {
        int[] counts = new int[expected + 1];
        for (int v : seen) {
            if (v < 1 || v > expected) {
                return "UNKNOWN VALUE " + v;
            }
            counts[v]++;
        }
        for (int v = 1; v <= expected; v++) {
            if (counts[v] == 0) {
                return "LOST " + v;
            }
            if (counts[v] > 1) {
                return "DUPLICATED " + v;
            }
        }
        return "OK";
    }
}
