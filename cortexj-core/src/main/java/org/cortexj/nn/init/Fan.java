package org.cortexj.nn.init;

import java.util.Arrays;

/**
 * Fan-in and fan-out of a weight tensor, the counts that variance-scaling initializers divide
 * by.
 *
 * <p>Weights have shape [out, in, k1, k2, ...]: [out, in] for linear layers and
 * [out, in, kh, kw] for 2-D convolutions. With the receptive field r = k1·k2·... (1 for linear
 * weights), fan_in = in·r and fan_out = out·r. For a conv weight [20, 1, 5, 5], fan_in = 25 and
 * fan_out = 500.
 *
 * @param fanIn number of inputs that feed one output unit
 * @param fanOut number of outputs that one input unit feeds
 */
public record Fan(long fanIn, long fanOut) {

    /**
     * Computes the fans of a weight shape.
     *
     * @throws IllegalArgumentException if the shape has fewer than 2 axes, since a bias or
     *     scalar has no input and output axis, or a negative size
     */
    public static Fan of(int... shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("Fan: shape " + Arrays.toString(shape) + " has " + shape.length
                    + " axes; fans need a weight of shape [out, in, ...] with at least 2 axes");
        }
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("Fan: shape " + Arrays.toString(shape)
                        + " has a negative axis size");
            }
        }
        long receptiveField = 1;
        for (int axis = 2; axis < shape.length; axis++) {
            receptiveField *= shape[axis];
        }
        return new Fan((long) shape[1] * receptiveField, (long) shape[0] * receptiveField);
    }

    /** Returns fan_in or fan_out. */
    public long get(FanMode mode) {
        return mode == FanMode.FAN_IN ? fanIn : fanOut;
    }
}
