package org.cortexj.nn.layers;

import org.cortexj.nn.Module;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Alpha dropout for self-normalizing networks (Klambauer et al. 2017, "Self-Normalizing Neural
 * Networks"), as PyTorch's {@code AlphaDropout}. Dropped elements are set to SELU's negative
 * saturation value {@code α' = −λα} instead of 0, and an affine map {@code a·v + b} restores
 * mean 0 and variance 1 for inputs of mean 0 and variance 1:
 * <pre>
 * α' = −λα = −1.7580993408473766
 * a  = ((1 − p)(1 + p·α'²))^(−1/2)
 * b  = −a·p·α'
 * y  = a·x + b   for kept elements
 * y  = a·α' + b  for dropped elements
 * </pre>
 * {@code p} is the probability of dropping an element (the paper's keep probability q is
 * {@code 1 − p}). In evaluation mode, and in training mode with {@code p = 0}, the input is
 * returned as it is.
 *
 * <p>Shapes: any input, output of the same shape. Masks come from the {@link Generator} given
 * to the constructor.
 */
public final class AlphaDropout extends Module {

    /** SELU's λ·α with the sign flipped: the value SELU approaches for large negative inputs. */
    public static final double ALPHA_PRIME = -1.7580993408473766;

    private static final String LAYER = "AlphaDropout";

    private final double p;
    private final Generator generator;

    /**
     * Affine correction of alpha dropout for one drop probability.
     *
     * @param a scale applied after dropping
     * @param b shift applied after dropping
     * @param droppedValue output of a dropped element, {@code a·α' + b}
     */
    public record Constants(double a, double b, double droppedValue) {
    }

    /**
     * Creates the layer.
     *
     * @param p probability in [0, 1) that an element is dropped in training; PyTorch's default is 0.5
     * @param generator source of the masks
     */
    public AlphaDropout(double p, Generator generator) {
        this.p = LayerSettings.dropProbability(LAYER, p);
        this.generator = LayerSettings.generator(LAYER, generator);
    }

    /**
     * Returns {@code a}, {@code b} and the dropped value for drop probability {@code p}.
     *
     * @param p drop probability in [0, 1)
     */
    public static Constants constants(double p) {
        LayerSettings.dropProbability(LAYER, p);
        double a = 1.0 / Math.sqrt((1.0 - p) * (1.0 + p * ALPHA_PRIME * ALPHA_PRIME));
        double b = -a * p * ALPHA_PRIME;
        return new Constants(a, b, a * ALPHA_PRIME + b);
    }

    /**
     * Applies alpha dropout with an explicit mask: {@code y = a·(x·mask + α'·(1 − mask)) + b},
     * with gradient {@code dy · a · mask}.
     *
     * @param mask 1 to keep an element and 0 to drop it, shape of x (converted to x's data type)
     * @param p drop probability in [0, 1) that the mask was drawn with
     */
    public static Tensor apply(Tensor x, Tensor mask, double p) {
        Constants constants = constants(p);
        Tensor keep = MaskChecks.mask(LAYER, x, mask);
        Tensor droppedPart = keep.neg().add(1).mul(ALPHA_PRIME);
        return x.mul(keep).add(droppedPart).mul(constants.a()).add(constants.b());
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
