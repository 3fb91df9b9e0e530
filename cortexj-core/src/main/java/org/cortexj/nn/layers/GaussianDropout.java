package org.cortexj.nn.layers;

import org.cortexj.nn.Module;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Multiplicative Gaussian noise, a smooth alternative to Bernoulli dropout: in training mode
 * {@code y = x · noise} with {@code noise ~ N(1, p / (1 − p))}, the variance that Bernoulli
 * dropout with drop probability {@code p} and scaling {@code 1 / (1 − p)} has, so each element
 * keeps its expected value. In evaluation mode, and with {@code p = 0}, the input is returned
 * as it is.
 *
 * <p>Shapes: any input, output of the same shape. Noise comes from the {@link Generator} given
 * to the constructor.
 */
public final class GaussianDropout extends Module {

    private static final String LAYER = "GaussianDropout";

    private final double p;
    private final Generator generator;

    /**
     * Creates the layer.
     *
     * @param p drop probability of the Bernoulli dropout to imitate, in [0, 1); sets the noise
     *     standard deviation {@code sqrt(p / (1 − p))}
     * @param generator source of the noise
     */
    public GaussianDropout(double p, Generator generator) {
        this.p = LayerSettings.dropProbability(LAYER, p);
        this.generator = LayerSettings.generator(LAYER, generator);
    }

    @Override
    public Tensor forward(Tensor input) {
        if (!isTraining() || p == 0) {
            return input;
        }
        Tensor noise = Tensor.normal(generator, 1.0, standardDeviation(), input.dataType(), input.shape().dims());
        return input.mul(noise);
    }

    /** Standard deviation of the noise: {@code sqrt(p / (1 − p))}. */
    public double standardDeviation() {
        return Math.sqrt(p / (1.0 - p));
    }

    public double p() {
        return p;
    }
}
