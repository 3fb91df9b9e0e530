package org.cortexj.optim;

import java.util.Map;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Tensor;

/**
 * Adam with optional L2 weight decay, following Kingma and Ba 2015, "Adam: A Method for
 * Stochastic Optimization", and the PyTorch 1.13 {@code torch.optim.Adam} rule.
 *
 * <p>For each parameter p with gradient g, step t (counted per parameter, starting at 1) with
 * learning rate γ ({@code learningRate}), decay rates β1, β2 ({@code betas}), ε
 * ({@code epsilon}) and weight decay λ ({@code weightDecay}) does:
 * <ol>
 *   <li>g ← g + λ·p (only when λ > 0)</li>
 *   <li>m ← β1·m + (1 − β1)·g</li>
 *   <li>v ← β2·v + (1 − β2)·g²</li>
 *   <li>with AMSGrad: v_max ← max(v_max, v), and v_max replaces v below</li>
 *   <li>p ← p − γ/(1 − β1^t) · m / (√v / √(1 − β2^t) + ε)</li>
 * </ol>
 * ε is added after the bias correction of √v, so the step is γ·m̂/(√v̂ + ε) with
 * m̂ = m/(1 − β1^t) and v̂ = v/(1 − β2^t), as in Algorithm 1 of the paper and in PyTorch.
 * m and v start at zero. Defaults are in {@link AdamBuilder}:
 * γ = 1e-3, β1 = 0.9, β2 = 0.999, ε = 1e-8, λ = 0. For weight decay that does not pass
 * through the moments, use {@link AdamW}.
 */
public final class Adam extends AbstractAdam {

    private static final String NAME = "Adam";

    private Adam(AdamBuilder<Adam> settings, Map<String, Parameter> parameters) {
        super(NAME, settings, parameters);
    }

    /** Starts a builder with the defaults listed in {@link AdamBuilder}. */
    public static AdamBuilder<Adam> builder() {
        return new AdamBuilder<>(0, Adam::new);
    }

    @Override
    Tensor decay(Tensor parameter, Tensor gradient) {
        if (weightDecay() == 0) {
            return gradient;
        }
        return gradient.add(parameter.mul(weightDecay()));
    }
}
