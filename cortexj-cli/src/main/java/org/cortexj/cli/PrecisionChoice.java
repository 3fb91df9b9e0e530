package org.cortexj.cli;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.cortexj.conformance.Precision;

/** Values of {@code --precision}: one precision, or both. */
enum PrecisionChoice {
    FLOAT32(EnumSet.of(Precision.FLOAT32)),
    FLOAT64(EnumSet.of(Precision.FLOAT64)),
    BOTH(EnumSet.allOf(Precision.class));

    private final Set<Precision> precisions;

    PrecisionChoice(Set<Precision> precisions) {
        this.precisions = precisions;
    }

    Set<Precision> precisions() {
        return EnumSet.copyOf(precisions);
    }

    /** Lower-case name as typed on the command line. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
