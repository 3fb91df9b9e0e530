package org.cortexj.train;

import java.util.Locale;
import org.cortexj.nn.Module;
import org.cortexj.optim.Adam;
import org.cortexj.optim.AdamW;
import org.cortexj.optim.Optimizer;
import org.cortexj.optim.SGD;

/** Optimizers the trainer and the command line can create by name. */
public enum OptimizerKind {
    /** Adam with betas (0.9, 0.999) and eps 1e-8; weight decay is added to the gradient (L2). */
    ADAM,
    /** AdamW: Adam whose weight decay shrinks the weights directly; 0.01 unless chosen. */
    ADAMW,
    /** SGD with momentum 0.9; weight decay is added to the gradient (L2). */
    SGD;

    /** Weight decay used when none is chosen: 0.01 for AdamW, as in PyTorch, else 0. */
    public double defaultWeightDecay() {
        return this == ADAMW ? 0.01 : 0;
    }

    public Optimizer create(Module module, double learningRate) {
        return create(module, learningRate, defaultWeightDecay());
    }

    /** Creates the optimizer over every parameter of {@code module}, with weight decay λ ≥ 0. */
    public Optimizer create(Module module, double learningRate, double weightDecay) {
        return switch (this) {
            case ADAM -> Adam.builder().learningRate(learningRate).weightDecay(weightDecay).build(module);
            case ADAMW -> AdamW.builder().learningRate(learningRate).weightDecay(weightDecay).build(module);
            case SGD -> org.cortexj.optim.SGD.builder(learningRate).momentum(0.9).weightDecay(weightDecay)
                    .build(module);
        };
    }

    public static OptimizerKind parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown optimizer '" + name + "'; expected adam, adamw or sgd");
        }
    }

    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
