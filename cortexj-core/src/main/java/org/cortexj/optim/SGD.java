package org.cortexj.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Tensor;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay,
 * following the PyTorch 1.13 {@code torch.optim.SGD} rule.
 *
 * <p>For each parameter p with gradient g, a step with learning rate γ ({@code learningRate}),
 * momentum μ ({@code momentum}), dampening τ ({@code dampening}) and weight decay λ
 * ({@code weightDecay}) does:
 * <ol>
 *   <li>g ← g + λ·p (only when λ > 0)</li>
 *   <li>when μ > 0: b ← g at the parameter's first step, otherwise b ← μ·b + (1 − τ)·g. The
 *       direction d is g + μ·b with Nesterov momentum and b without it</li>
 *   <li>when μ = 0: d ← g</li>
 *   <li>p ← p − γ·d</li>
 * </ol>
 * Defaults: momentum 0, dampening 0, no Nesterov, weight decay 0. The learning rate has no
 * default. Nesterov momentum follows Sutskever et al. 2013, "On the importance of
 * initialization and momentum in deep learning", in the reformulation PyTorch uses.
 *
 * <p>Saved state per parameter with momentum: tensor {@value #MOMENTUM_BUFFER}. Without
 * momentum SGD has no per-parameter state.
 */
public final class SGD extends Optimizer {

    /** Name of the momentum buffer in {@link ParameterState}. */
    public static final String MOMENTUM_BUFFER = "momentum_buffer";

    private static final String NAME = "SGD";

    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;
    private final Map<String, MomentumState> states = new LinkedHashMap<>();

    private SGD(Builder builder, Map<String, Parameter> parameters) {
        super(NAME, parameters, builder.learningRate);
        this.momentum = Hyperparameters.unitOpenAbove(NAME, "momentum", builder.momentum);
        this.dampening = Hyperparameters.unitClosed(NAME, "dampening", builder.dampening);
        this.weightDecay = Hyperparameters.nonNegative(NAME, "weight decay", builder.weightDecay);
        this.nesterov = builder.nesterov;
        if (nesterov && (momentum == 0 || dampening != 0)) {
            throw new IllegalArgumentException(NAME + ": Nesterov momentum needs momentum > 0 and dampening 0, got "
                    + "momentum " + momentum + " and dampening " + dampening);
        }
    }

    /**
     * Starts a builder.
     *
     * @param learningRate step size γ, finite and >= 0
     */
    public static Builder builder(double learningRate) {
        return new Builder(learningRate);
    }

    @Override
    protected void update(String parameterName, Tensor parameter, Tensor gradient) {
        Tensor decayed = weightDecay == 0 ? gradient : gradient.add(parameter.mul(weightDecay));
        Tensor direction = momentum == 0 ? decayed : momentumDirection(parameterName, parameter, decayed);
        parameter.subInPlace(direction.mul(learningRate()));
    }

    private Tensor momentumDirection(String parameterName, Tensor parameter, Tensor gradient) {
        MomentumState state = states.get(parameterName);
        if (state == null) {
            state = new MomentumState(parameter.zerosLike().assign(gradient));
            states.put(parameterName, state);
        } else {
            state.buffer().mulInPlace(momentum);
            state.buffer().addInPlace(gradient.mul(1 - dampening));
        }
        return nesterov ? gradient.add(state.buffer().mul(momentum)) : state.buffer();
    }

    /** Returns the live state of a parameter, empty before its first step with momentum. */
    public Optional<MomentumState> parameterState(String parameterName) {
        return Optional.ofNullable(states.get(parameterName));
    }

    public double momentum() {
        return momentum;
    }

    public double dampening() {
        return dampening;
    }

    public boolean nesterov() {
        return nesterov;
    }

    public double weightDecay() {
        return weightDecay;
    }

    @Override
    protected Map<String, ParameterState> saveParameterStates() {
        Map<String, ParameterState> saved = new LinkedHashMap<>();
        states.forEach((parameterName, state) -> saved.put(parameterName,
                new ParameterState(Map.of(MOMENTUM_BUFFER, state.buffer().copy()), Map.of())));
        return saved;
    }

    @Override
    protected void restoreParameterStates(Map<String, ParameterState> saved) {
        Set<String> tensorNames = momentum == 0 ? Set.of() : Set.of(MOMENTUM_BUFFER);
        Map<String, MomentumState> restored = new LinkedHashMap<>();
        for (Map.Entry<String, ParameterState> entry : saved.entrySet()) {
            StateReader reader = new StateReader(NAME, entry.getKey(), parameters().get(entry.getKey()),
                    entry.getValue()).expectNames(tensorNames, Set.of());
            if (momentum != 0) {
                restored.put(entry.getKey(), new MomentumState(reader.tensor(MOMENTUM_BUFFER)));
            }
        }
        states.clear();
        states.putAll(restored);
    }

    /** Settings for {@link SGD}, checked by {@link #build}. */
    public static final class Builder extends OptimizerBuilder<SGD> {
        private final double learningRate;
        private double momentum;
        private double dampening;
        private boolean nesterov;
        private double weightDecay;

        private Builder(double learningRate) {
            this.learningRate = learningRate;
        }

        /** Momentum factor μ in [0, 1). The default 0 turns momentum off. */
        public Builder momentum(double value) {
            this.momentum = value;
            return this;
        }

        /** Dampening τ in [0, 1] of the gradient added to the momentum buffer, default 0. */
        public Builder dampening(double value) {
            this.dampening = value;
            return this;
        }

        /** Turns Nesterov momentum on (needs momentum > 0 and dampening 0) or off, the default. */
        public Builder nesterov(boolean value) {
            this.nesterov = value;
            return this;
        }

        /** L2 penalty factor λ >= 0 added to the gradient as λ·p, default 0. */
        public Builder weightDecay(double value) {
            this.weightDecay = value;
            return this;
        }

        @Override
        public SGD build(Map<String, Parameter> parameters) {
            return new SGD(this, parameters);
        }
    }
}
