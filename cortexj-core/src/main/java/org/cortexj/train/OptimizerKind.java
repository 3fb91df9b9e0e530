package org.cortexj.train;

import java.util.Locale;
import org.cortexj.nn.Module;
import org.cortexj.optim.Adam;
import org.cortexj.optim.AdamW;
import org.cortexj.optim.Optimizer;
import org.cortexj.optim.SGD;

/** Optimizers the trainer and the command line can create by name. */
public enum OptimizerKind {
    /** Adam with betas (0.9, 0.999) and eps 1e-8. */
    ADAM,
    /** AdamW with weight decay 0.01. */
    ADAMW,
    /** SGD with momentum 0.9. */
    SGD;

    public Optimizer create(Module module, double learningRate) {
        return switch (this) {
            case ADAM -> Adam.builder().learningRate(learningRate).build(module);
            case ADAMW -> AdamW.builder().learningRate(learningRate).build(module);
            case SGD -> org.cortexj.optim.SGD.builder(learningRate).momentum(0.9).build(module);
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
