package org.cortexj.nn.layers;

import org.cortexj.nn.Module;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Inverted dropout, as PyTorch's {@code Dropout}. In training mode each element is zeroed
 * with probability {@code p} and the kept elements are scaled by {@code 1 / (1 − p)}, so every
 * element keeps its expected value: {@code y = x · mask / (1 − p)} with
 * {@code mask ~ Bernoulli(1 − p)}. In evaluation mode, and in training mode with
 * {@code p = 0}, the input is returned as it is.
 *
 * <p>{@code p} is the probability of <em>dropping</em> an element, the PyTorch convention.
 * Cortex (the Clojure library) writes {@code dropout 0.4} for keeping 40% of the elements,
 * which is {@code p = 0.6} here.
 *
 * <p>Shapes: any input, output of the same shape. Masks come from the {@link Generator} given
 * to the constructor, so the same seed and the same sequence of calls give the same masks.
 */
public final class Dropout extends Module {

    private static final String LAYER = "Dropout";

    private final double p;
    private final Generator generator;

    /**
     * Creates the layer.
     *
     * @param p probability in [0, 1) that an element is zeroed in training; PyTorch's default is 0.5
     * @param generator source of the masks
     */
    public Dropout(double p, Generator generator) {
        this.p = LayerSettings.dropProbability(LAYER, p);
        this.generator = LayerSettings.generator(LAYER, generator);
    }

    /**
     * Applies inverted dropout with an explicit mask: {@code y = x · mask / (1 − p)}, with
     * gradient {@code dy · mask / (1 − p)}.
     *
     * @param mask 1 to keep an element and 0 to drop it, shape of x (converted to x's data type)
     * @param p drop probability in [0, 1) that the mask was drawn with
     */
    public static Tensor apply(Tensor x, Tensor mask, double p) {
        LayerSettings.dropProbability(LAYER, p);
        Tensor keep = MaskChecks.mask(LAYER, x, mask);
        return x.mul(keep.mul(1.0 / (1.0 - p)));
    }

    @Override
    public Tensor forward(Tensor input) {
        if (!isTraining() || p == 0) {
            return input;
        }
        Tensor mask = Tensor.bernoulli(generator, 1.0 - p, input.dataType(), input.shape().dims());
        return apply(input, mask, p);
    }

    /** Probability that an element is dropped in training. */
    public double p() {
        return p;
    }
}
