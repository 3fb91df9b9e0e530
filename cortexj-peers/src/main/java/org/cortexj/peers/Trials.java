package org.cortexj.peers;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outcomes of one measurement setting, in trial order per system. */
final class Trials {

    private final Map<SystemKind, List<ChildJvm.Outcome>> outcomes = new EnumMap<>(SystemKind.class);

    void add(SystemKind system, ChildJvm.Outcome outcome) {
        outcomes.computeIfAbsent(system, key -> new ArrayList<>()).add(outcome);
    }

    List<ChildJvm.Outcome> of(SystemKind system) {
        return outcomes.getOrDefault(system, List.of());
    }

    /** Returns the statistics of a numeric result field over the trials of {@code system}. */
    Statistics statistics(SystemKind system, String field) {
        return Statistics.of(values(system, field));
    }

    List<Double> values(SystemKind system, String field) {
        List<Double> values = new ArrayList<>();
        for (ChildJvm.Outcome outcome : of(system)) {
            values.add(outcome.result().number(field));
        }
        return values;
    }

    /**
     * Returns cortexj's value divided by DJL's for each pair of trials with the same index, or
     * empty unless both systems ran.
     */
    Optional<List<Double>> pairRatios(String field) {
        List<Double> cortexj = values(SystemKind.CORTEXJ, field);
        List<Double> djl = values(SystemKind.DJL, field);
        if (cortexj.isEmpty() || djl.isEmpty()) {
            return Optional.empty();
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(cortexj.size(), djl.size()); i++) {
            ratios.add(cortexj.get(i) / djl.get(i));
        }
        return Optional.of(ratios);
    }
}
