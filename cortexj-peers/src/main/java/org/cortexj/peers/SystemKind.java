package org.cortexj.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A library the benchmark measures. */
enum SystemKind {
    CORTEXJ("cortexj"),
    DJL("djl");

    private final String label;

    SystemKind(String label) {
        this.label = label;
    }

    /** Returns the name used on the command line and in result lines. */
    String label() {
        return label;
    }

    /**
     * Parses one name, case-insensitively.
     *
     * @throws IllegalArgumentException if {@code name} is neither {@code cortexj} nor {@code djl}
     */
    static SystemKind parse(String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT);
        for (SystemKind kind : values()) {
            if (kind.label.equals(normalized)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown system '" + name + "'; expected cortexj or djl");
    }

    /**
     * Parses a comma-separated list such as {@code cortexj,djl}, keeping its order.
     *
     * @throws IllegalArgumentException if a name is unknown, repeated, or the list is empty
     */
    static List<SystemKind> parseList(String names) {
        List<SystemKind> kinds = new ArrayList<>();
        for (String name : names.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            SystemKind kind = parse(name);
            if (kinds.contains(kind)) {
                throw new IllegalArgumentException("system '" + kind.label + "' is listed twice in '" + names + "'");
            }
            kinds.add(kind);
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no system given in '" + names + "'; expected cortexj, djl or both");
        }
        return kinds;
    }
}
