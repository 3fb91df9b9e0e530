package org.cortexj.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cortexj.backend.BinaryOp;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Tensor;

/**
 * The moment estimates and bias-corrected step that {@link Adam} and {@link AdamW} share. The
 * two differ only in how weight decay enters, which each subclass decides.
 *
 * <p>Saved state per parameter: tensors {@value #FIRST_MOMENT} and {@value #SECOND_MOMENT}, also
 * {@value #MAX_SECOND_MOMENT} with AMSGrad, and scalar {@value #STEP}.
 */
public abstract sealed class AbstractAdam extends Optimizer permits Adam, AdamW {

    /** Name of the first moment m in {@link ParameterState}. */
    public static final String FIRST_MOMENT = "exp_avg";
    /** Name of the second moment v in {@link ParameterState}. */
    public static final String SECOND_MOMENT = "exp_avg_sq";
    /** Name of AMSGrad's running maximum of v in {@link ParameterState}. */
    public static final String MAX_SECOND_MOMENT = "max_exp_avg_sq";
    /** Name of the per-parameter step count in {@link ParameterState}. */
    public static final String STEP = "step";

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final boolean amsgrad;
    private final Map<String, AdamState> states = new LinkedHashMap<>();

    AbstractAdam(String name, AdamBuilder<?> settings, Map<String, Parameter> parameters) {
        super(name, parameters, settings.learningRate);
        this.beta1 = Hyperparameters.unitOpenAbove(name, "beta1", settings.beta1);
        this.beta2 = Hyperparameters.unitOpenAbove(name, "beta2", settings.beta2);
        this.epsilon = Hyperparameters.nonNegative(name, "epsilon", settings.epsilon);
        this.weightDecay = Hyperparameters.nonNegative(name, "weight decay", settings.weightDecay);
        this.amsgrad = settings.amsgrad;
    }

    /**
     * Applies weight decay before the moment updates and returns the gradient the moments see.
     * Called with gradient recording off.
     */
    abstract Tensor decay(Tensor parameter, Tensor gradient);

    @Override
    protected final void update(String parameterName, Tensor parameter, Tensor gradient) {
        AdamState previous = states.get(parameterName);
        AdamState state = previous == null ? AdamState.initial(parameter, amsgrad).next() : previous.next();
        states.put(parameterName, state);
        Tensor g = decay(parameter, gradient);

        state.firstMoment().mulInPlace(beta1);
        state.firstMoment().addInPlace(g.mul(1 - beta1));
        state.secondMoment().mulInPlace(beta2);
        state.secondMoment().addInPlace(g.square().mul(1 - beta2));

        Tensor secondMoment = state.secondMoment();
        if (amsgrad) {
            state.maxSecondMoment().applyInPlace(BinaryOp.MAXIMUM, state.secondMoment());
            secondMoment = state.maxSecondMoment();
        }
        double stepSize = learningRate() / (1 - Math.pow(beta1, state.step()));
        double secondCorrection = Math.sqrt(1 - Math.pow(beta2, state.step()));
        Tensor denominator = secondMoment.sqrt().div(secondCorrection).add(epsilon);
        parameter.subInPlace(state.firstMoment().div(denominator).mul(stepSize));
    }

    /** Returns the live state of a parameter, empty before its first update. */
    public final Optional<AdamState> parameterState(String parameterName) {
        return Optional.ofNullable(states.get(parameterName));
    }

    public final double beta1() {
        return beta1;
    }

    public final double beta2() {
        return beta2;
    }

    public final double epsilon() {
        return epsilon;
    }

    public final double weightDecay() {
        return weightDecay;
    }

    public final boolean amsgrad() {
        return amsgrad;
    }

    @Override
    protected final Map<String, ParameterState> saveParameterStates() {
        Map<String, ParameterState> saved = new LinkedHashMap<>();
        states.forEach((parameterName, state) -> saved.put(parameterName, save(state)));
        return saved;
    }

    private ParameterState save(AdamState state) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put(FIRST_MOMENT, state.firstMoment().copy());
        tensors.put(SECOND_MOMENT, state.secondMoment().copy());
        if (amsgrad) {
            tensors.put(MAX_SECOND_MOMENT, state.maxSecondMoment().copy());
        }
        return new ParameterState(tensors, Map.of(STEP, (double) state.step()));
    }

    @Override
    protected final void restoreParameterStates(Map<String, ParameterState> saved) {
        Set<String> tensorNames = amsgrad
                ? Set.of(FIRST_MOMENT, SECOND_MOMENT, MAX_SECOND_MOMENT)
                : Set.of(FIRST_MOMENT, SECOND_MOMENT);
        Map<String, AdamState> restored = new LinkedHashMap<>();
        for (Map.Entry<String, ParameterState> entry : saved.entrySet()) {
            StateReader reader = new StateReader(name(), entry.getKey(), parameters().get(entry.getKey()),
                    entry.getValue()).expectNames(tensorNames, Set.of(STEP));
            Tensor max = amsgrad ? reader.tensor(MAX_SECOND_MOMENT) : null;
            restored.put(entry.getKey(), new AdamState(reader.count(STEP, 1), reader.tensor(FIRST_MOMENT),
                    reader.tensor(SECOND_MOMENT), max));
        }
        states.clear();
        states.putAll(restored);
    }
}
