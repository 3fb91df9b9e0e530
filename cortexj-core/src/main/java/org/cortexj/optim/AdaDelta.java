package org.cortexj.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Tensor;

/**
 * AdaDelta, following Zeiler 2012, "ADADELTA: An Adaptive Learning Rate Method" (Algorithm 1),
 * with the learning rate and L2 weight decay of the PyTorch 1.13 {@code torch.optim.Adadelta}
 * rule.
 *
 * <p>For each parameter p with gradient g, a step with learning rate γ ({@code learningRate}),
 * decay rate ρ ({@code rho}), ε ({@code epsilon}) and weight decay λ ({@code weightDecay})
 * does:
 * <ol>
 *   <li>g ← g + λ·p (only when λ > 0)</li>
 *   <li>E[g²] ← ρ·E[g²] + (1 − ρ)·g²</li>
 *   <li>Δ ← √(E[Δx²] + ε) / √(E[g²] + ε) · g</li>
 *   <li>E[Δx²] ← ρ·E[Δx²] + (1 − ρ)·Δ²</li>
 *   <li>p ← p − γ·Δ</li>
 * </ol>
 * Both averages start at zero. The paper has no learning rate, which γ = 1 reproduces.
 * Defaults: γ = {@value #DEFAULT_LEARNING_RATE}, ρ = {@value #DEFAULT_RHO} (PyTorch's default;
 * the paper used 0.95 for MNIST), ε = {@value #DEFAULT_EPSILON}, λ = 0.
 *
 * <p>Saved state per parameter: tensors {@value #SQUARE_AVERAGE} and {@value #DELTA_AVERAGE}.
 */
public final class AdaDelta extends Optimizer {

    public static final double DEFAULT_LEARNING_RATE = 1.0;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPSILON = 1e-6;

    /** Name of E[g²] in {@link ParameterState}. */
    public static final String SQUARE_AVERAGE = "square_avg";
    /** Name of E[Δx²] in {@link ParameterState}. */
    public static final String DELTA_AVERAGE = "acc_delta";

    private static final String NAME = "AdaDelta";

    private final double rho;
    private final double epsilon;
    private final double weightDecay;
    private final Map<String, AdaDeltaState> states = new LinkedHashMap<>();

    private AdaDelta(Builder builder, Map<String, Parameter> parameters) {
        super(NAME, parameters, builder.learningRate);
        this.rho = Hyperparameters.unitClosed(NAME, "rho", builder.rho);
        this.epsilon = Hyperparameters.positive(NAME, "epsilon", builder.epsilon);
        this.weightDecay = Hyperparameters.nonNegative(NAME, "weight decay", builder.weightDecay);
    }

    /** Starts a builder with the defaults listed above. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void update(String parameterName, Tensor parameter, Tensor gradient) {
        AdaDeltaState state = states.computeIfAbsent(parameterName,
                key -> new AdaDeltaState(parameter.zerosLike(), parameter.zerosLike()));
        Tensor g = weightDecay == 0 ? gradient : gradient.add(parameter.mul(weightDecay));

        state.squareAverage().mulInPlace(rho);
        state.squareAverage().addInPlace(g.square().mul(1 - rho));
        Tensor gradientRms = state.squareAverage().add(epsilon).sqrt();
        // Realized once: Δ is read twice below, and E[Δx²], which it is computed from, changes in between.
        Tensor delta = state.deltaAverage().add(epsilon).sqrt().div(gradientRms).mul(g).realize();
        state.deltaAverage().mulInPlace(rho);
        state.deltaAverage().addInPlace(delta.square().mul(1 - rho));
        parameter.subInPlace(delta.mul(learningRate()));
    }

    /** Returns the live state of a parameter, empty before its first update. */
    public Optional<AdaDeltaState> parameterState(String parameterName) {
        return Optional.ofNullable(states.get(parameterName));
    }

    public double rho() {
        return rho;
    }

    public double epsilon() {
        return epsilon;
    }

    public double weightDecay() {
        return weightDecay;
    }

    @Override
    protected Map<String, ParameterState> saveParameterStates() {
        Map<String, ParameterState> saved = new LinkedHashMap<>();
        states.forEach((parameterName, state) -> saved.put(parameterName, new ParameterState(
                Map.of(SQUARE_AVERAGE, state.squareAverage().copy(), DELTA_AVERAGE, state.deltaAverage().copy()),
                Map.of())));
        return saved;
    }

    @Override
    protected void restoreParameterStates(Map<String, ParameterState> saved) {
        Map<String, AdaDeltaState> restored = new LinkedHashMap<>();
        for (Map.Entry<String, ParameterState> entry : saved.entrySet()) {
            StateReader reader = new StateReader(NAME, entry.getKey(), parameters().get(entry.getKey()),
                    entry.getValue()).expectNames(Set.of(SQUARE_AVERAGE, DELTA_AVERAGE), Set.of());
            restored.put(entry.getKey(),
                    new AdaDeltaState(reader.tensor(SQUARE_AVERAGE), reader.tensor(DELTA_AVERAGE)));
        }
        states.clear();
        states.putAll(restored);
    }

    /** Settings for {@link AdaDelta}, checked by {@link #build}. */
    public static final class Builder extends OptimizerBuilder<AdaDelta> {
        private double learningRate = DEFAULT_LEARNING_RATE;
        private double rho = DEFAULT_RHO;
        private double epsilon = DEFAULT_EPSILON;
        private double weightDecay;

        private Builder() {
        }

        /** Factor γ >= 0 applied to the update Δ. The default 1 is the paper's rule. */
        public Builder learningRate(double value) {
            this.learningRate = value;
            return this;
        }

        /** Decay rate ρ in [0, 1] of both running averages, default 0.9. */
        public Builder rho(double value) {
            this.rho = value;
            return this;
        }

        /** Term ε > 0 added inside both square roots, default 1e-6. It also sets the size of the first steps. */
        public Builder epsilon(double value) {
            this.epsilon = value;
            return this;
        }

        /** L2 penalty factor λ >= 0 added to the gradient as λ·p, default 0. */
        public Builder weightDecay(double value) {
            this.weightDecay = value;
            return this;
        }

        @Override
        public AdaDelta build(Map<String, Parameter> parameters) {
            return new AdaDelta(this, parameters);
        }
    }
}
