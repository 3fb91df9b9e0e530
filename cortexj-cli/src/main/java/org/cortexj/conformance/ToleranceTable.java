package org.cortexj.conformance;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Default tolerances by op and precision.
 *
 * <p>float64: rtol 1e-8, atol 1e-9 for every op; the stored outputs carry a relative rounding
 * error of at most 5e-10 (9 significant digits). float32, by {@link Tier}:
 * <ul>
 *   <li>{@link Tier#ELEMENTWISE} (activations, unary and binary math, comparisons, where,
 *       softmax, log-softmax, dropout): rtol 1e-5, atol 1e-6;
 *   <li>{@link Tier#ACCUMULATING} (matmul, linear, conv2d, pooling, reductions, batch norm,
 *       losses, and ops not listed here): rtol 1e-4, atol 1e-5;
 *   <li>{@link Tier#OPTIMIZER} ({@code optimizer_*} ops): rtol 1e-5, atol 1e-6;
 *   <li>{@link Tier#END_TO_END} (whole networks, and files whose family starts with {@code e2e}):
 *       rtol 1e-3, atol 1e-4.
 * </ul>
 * NOTE: the optimizer tier's atol of 1e-6 is a choice made here; the source of the other values
 * gives only rtol 1e-5 for optimizers.
 */
public final class ToleranceTable {

    /** Group of ops that accumulate float32 rounding error at a similar rate. */
    public enum Tier {
        ELEMENTWISE, ACCUMULATING, OPTIMIZER, END_TO_END
    }

    private static final Tolerance FLOAT64 = new Tolerance(1e-8, 1e-9);

    private static final Set<String> ELEMENTWISE_OPS = Set.of(
            "selu", "relu", "elu", "sigmoid", "tanh", "softplus", "silu", "gelu", "leaky_relu",
            "exp", "log", "sqrt", "abs", "neg", "square", "reciprocal",
            "add", "sub", "mul", "div", "maximum", "minimum",
            "gt", "ge", "lt", "le", "eq", "ne", "where",
            "softmax", "log_softmax",
            "alpha_dropout_constants", "alpha_dropout_masked", "dropout_masked");

    private static final Set<String> ACCUMULATING_OPS = Set.of(
            "matmul", "batched_matmul", "linear", "conv2d", "maxpool2d", "avgpool2d",
            "reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "batchnorm",
            "cross_entropy", "mse_loss");

    private static final Set<String> END_TO_END_OPS = Set.of("seednet_selu");

    private final Map<Tier, Tolerance> float32ByTier;
    private final Map<String, Map<Precision, Tolerance>> overrides;

    private ToleranceTable(Map<Tier, Tolerance> float32ByTier,
            Map<String, Map<Precision, Tolerance>> overrides) {
        this.float32ByTier = float32ByTier;
        this.overrides = overrides;
    }

    /** Returns the table described in the class documentation. */
    public static ToleranceTable defaults() {
        Map<Tier, Tolerance> float32 = new EnumMap<>(Tier.class);
        float32.put(Tier.ELEMENTWISE, new Tolerance(1e-5, 1e-6));
        float32.put(Tier.ACCUMULATING, new Tolerance(1e-4, 1e-5));
        float32.put(Tier.OPTIMIZER, new Tolerance(1e-5, 1e-6));
        float32.put(Tier.END_TO_END, new Tolerance(1e-3, 1e-4));
        return new ToleranceTable(float32, Map.of());
    }

    /** Returns a copy of this table in which {@code op} at {@code precision} uses {@code tolerance}. */
    public ToleranceTable withOverride(String op, Precision precision, Tolerance tolerance) {
        Map<String, Map<Precision, Tolerance>> copy = new HashMap<>();
        overrides.forEach((name, byPrecision) -> copy.put(name, new EnumMap<>(byPrecision)));
        copy.computeIfAbsent(op, name -> new EnumMap<>(Precision.class)).put(precision, tolerance);
        return new ToleranceTable(float32ByTier, copy);
    }

    /** Tolerance for a case: by its op, and by its family for end-to-end files. */
    public Tolerance forCase(ReferenceCase referenceCase, Precision precision) {
        return lookup(referenceCase.op(), referenceCase.family(), precision);
    }

    /** Tolerance for an op; ops not listed get the {@link Tier#ACCUMULATING} values. */
    public Tolerance forOp(String op, Precision precision) {
        return lookup(op, "", precision);
    }

    /** Tier of an op; {@code family} only decides for ops the table does not list. */
    public static Tier tierOf(String op, String family) {
        if (ELEMENTWISE_OPS.contains(op)) {
            return Tier.ELEMENTWISE;
        }
        if (ACCUMULATING_OPS.contains(op)) {
            return Tier.ACCUMULATING;
        }
        if (op.startsWith("optimizer_")) {
            return Tier.OPTIMIZER;
        }
        if (END_TO_END_OPS.contains(op) || family.startsWith("e2e")) {
            return Tier.END_TO_END;
        }
        return Tier.ACCUMULATING;
    }

    private Tolerance lookup(String op, String family, Precision precision) {
        Map<Precision, Tolerance> override = overrides.get(op);
        if (override != null && override.containsKey(precision)) {
            return override.get(precision);
        }
        if (precision == Precision.FLOAT64) {
            return FLOAT64;
        }
        return float32ByTier.get(tierOf(op, family));
    }
}
