package org.cortexj.optim;

import java.util.Map;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Tensor;

/**
 * Adam with decoupled weight decay, following Loshchilov and Hutter 2019, "Decoupled Weight
 * Decay Regularization", and the PyTorch 1.13 {@code torch.optim.AdamW} rule.
 *
 * <p>For each parameter p with gradient g, step t (counted per parameter, starting at 1) with
 * learning rate γ ({@code learningRate}), decay rates β1, β2 ({@code betas}), ε
 * ({@code epsilon}) and weight decay λ ({@code weightDecay}) does:
 * <ol>
 *   <li>p ← p·(1 − γ·λ)</li>
 *   <li>m ← β1·m + (1 − β1)·g</li>
 *   <li>v ← β2·v + (1 − β2)·g²</li>
 *   <li>with AMSGrad: v_max ← max(v_max, v), and v_max replaces v below</li>
 *   <li>p ← p − γ/(1 − β1^t) · m / (√v / √(1 − β2^t) + ε)</li>
 * </ol>
 * The decay is scaled by the learning rate, as in PyTorch, whereas the paper scales it by a separate
 * schedule multiplier instead. Defaults are in {@link AdamBuilder}: γ = 1e-3, β1 = 0.9,
 * β2 = 0.999, ε = 1e-8, λ = 0.01.
 */
public final class AdamW extends AbstractAdam {

    /** Default decoupled weight decay λ, as in PyTorch 1.13. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    private static final String NAME = "AdamW";

    private AdamW(AdamBuilder<AdamW> settings, Map<String, Parameter> parameters) {
        super(NAME, settings, parameters);
    }

    /** Starts a builder with the defaults listed in {@link AdamBuilder}. */
    public static AdamBuilder<AdamW> builder() {
        return new AdamBuilder<>(DEFAULT_WEIGHT_DECAY, AdamW::new);
    }

    @Override
    Tensor decay(Tensor parameter, Tensor gradient) {
        if (weightDecay() != 0) {
            parameter.mulInPlace(1 - learningRate() * weightDecay());
        }
        return gradient;
    }
}
