package org.cortexj.optim;

import java.util.Map;
import java.util.function.BiFunction;
import org.cortexj.nn.Parameter;

/**
 * Settings for {@link Adam} and {@link AdamW}, checked by {@link #build}. Defaults are those of
 * PyTorch 1.13: learning rate 1e-3, betas (0.9, 0.999), epsilon 1e-8, no AMSGrad, and weight
 * decay 0 for Adam and 0.01 for AdamW.
 *
 * @param <T> the optimizer built
 */
public final class AdamBuilder<T extends AbstractAdam> extends OptimizerBuilder<T> {

    static final double DEFAULT_LEARNING_RATE = 1e-3;
    static final double DEFAULT_BETA1 = 0.9;
    static final double DEFAULT_BETA2 = 0.999;
    static final double DEFAULT_EPSILON = 1e-8;

    private final BiFunction<AdamBuilder<T>, Map<String, Parameter>, T> factory;
    double learningRate = DEFAULT_LEARNING_RATE;
    double beta1 = DEFAULT_BETA1;
    double beta2 = DEFAULT_BETA2;
    double epsilon = DEFAULT_EPSILON;
    double weightDecay;
    boolean amsgrad;

    AdamBuilder(double defaultWeightDecay, BiFunction<AdamBuilder<T>, Map<String, Parameter>, T> factory) {
        this.weightDecay = defaultWeightDecay;
        this.factory = factory;
    }

    /** Step size γ, finite and >= 0. */
    public AdamBuilder<T> learningRate(double value) {
        this.learningRate = value;
        return this;
    }

    /** Decay rates β1 of the first and β2 of the second moment, each in [0, 1). */
    public AdamBuilder<T> betas(double beta1, double beta2) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    /** Term ε >= 0 added to the bias-corrected square root of v, which keeps the division finite. */
    public AdamBuilder<T> epsilon(double value) {
        this.epsilon = value;
        return this;
    }

    /**
     * Weight decay factor λ >= 0: an L2 term λ·p added to the gradient in {@link Adam}, a
     * decoupled shrink p ← p·(1 − γ·λ) in {@link AdamW}.
     */
    public AdamBuilder<T> weightDecay(double value) {
        this.weightDecay = value;
        return this;
    }

    /**
     * Whether to use the AMSGrad variant (Reddi et al. 2018, "On the Convergence of Adam and
     * Beyond"), which divides by the running maximum of v.
     */
    public AdamBuilder<T> amsgrad(boolean value) {
        this.amsgrad = value;
        return this;
    }

    @Override
    public T build(Map<String, Parameter> parameters) {
        return factory.apply(this, parameters);
    }
}
