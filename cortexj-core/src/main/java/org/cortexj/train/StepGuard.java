package org.cortexj.train;

import java.util.Map;
import org.cortexj.autograd.GradMode;
import org.cortexj.nn.Module;
import org.cortexj.nn.Network;
import org.cortexj.nn.Parameter;
import org.cortexj.tensor.Tensor;

/** Finds non-finite gradients and layer outputs, and clips the global gradient norm. */
final class StepGuard {

    private final Network network;

    StepGuard(Network network) {
        this.network = network;
    }

    /** Names the first parameter whose gradient holds NaN or infinity, or returns null. */
    String firstNonFiniteGradient() {
        try (GradMode.Scope ignored = GradMode.disable()) {
            for (Map.Entry<String, Parameter> entry : network.namedParameters().entrySet()) {
                Tensor grad = entry.getValue().grad();
                // 0·x is NaN exactly when x is NaN or infinite, so one sum checks every element.
                if (grad != null && Double.isNaN(grad.mul(0).sum().item())) {
                    return "gradient of " + entry.getKey() + " is not finite";
                }
            }
        }
        return null;
    }

    /** Scales all gradients so their joint L2 norm is at most {@code maxNorm}. */
    void clipGradientNorm(double maxNorm) {
        try (GradMode.Scope ignored = GradMode.disable()) {
            double squares = 0;
            for (Parameter parameter : network.parameters()) {
                if (parameter.grad() != null) {
                    squares += parameter.grad().toType(org.cortexj.backend.DataType.FLOAT64).square().sum().item();
                }
            }
            double norm = Math.sqrt(squares);
            if (norm > maxNorm) {
                double scale = maxNorm / (norm + 1e-6);
                for (Parameter parameter : network.parameters()) {
                    if (parameter.grad() != null) {
                        parameter.value().setGrad(parameter.grad().mul(scale).realize());
                    }
                }
            }
        }
    }

    /** Runs the batch layer by layer and names the first layer whose output is not finite. */
    String firstNonFiniteOutput(Tensor images) {
        Module layers = network;
        try (GradMode.Scope ignored = GradMode.disable()) {
            Tensor x = images;
            if (Double.isNaN(x.mul(0).sum().item())) {
                return "the input batch";
            }
            for (Map.Entry<String, Module> entry : layers.children().entrySet()) {
                x = entry.getValue().forward(x).realize();
                if (Double.isNaN(x.mul(0).sum().item())) {
                    return "layer " + entry.getKey() + " (" + entry.getValue().getClass().getSimpleName() + ")";
                }
            }
        }
        return null;
    }
}
