package org.cortexj.nn.description;

import java.util.List;
import java.util.Locale;
import org.cortexj.backend.DataType;
import org.cortexj.nn.Module;
import org.cortexj.nn.activations.Activation;
import org.cortexj.nn.description.LayerDescription.Initialization;
import org.cortexj.nn.init.FanMode;
import org.cortexj.nn.init.Initializer;
import org.cortexj.nn.init.Initializers;
import org.cortexj.nn.layers.AlphaDropout;
import org.cortexj.nn.layers.AvgPool2d;
import org.cortexj.nn.layers.BatchNorm1d;
import org.cortexj.nn.layers.BatchNorm2d;
import org.cortexj.nn.layers.Conv2d;
import org.cortexj.nn.layers.Dropout;
import org.cortexj.nn.layers.Flatten;
import org.cortexj.nn.layers.GaussianDropout;
import org.cortexj.nn.layers.Linear;
import org.cortexj.nn.layers.MaxPool2d;
import org.cortexj.nn.Network;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * Builds a {@link Network} from a description. Weights are drawn from {@code weights}, dropout
 * masks from {@code noise}, so both streams are reproducible from their seeds.
 */
public final class NetworkFactory {

    private NetworkFactory() {
    }

    /** Builds a float32 network. */
    public static Network build(NetworkDescription description, Generator weights, Generator noise) {
        return build(description, weights, noise, DataType.FLOAT32);
    }

    /** Builds a network whose parameters and buffers have {@code dataType}. */
    public static Network build(NetworkDescription description, Generator weights, Generator noise,
                                DataType dataType) {
        java.util.Map<String, Module> layers = new java.util.LinkedHashMap<>();
        List<LayerDescription> list = description.layers();
        boolean softmax = false;
        for (int i = 0; i < list.size(); i++) {
            LayerDescription layer = list.get(i);
            if (layer instanceof LayerDescription.Softmax) {
                softmax = true;
                continue;
            }
            int[] input = description.inputShapeOf(i);
            Initialization init = resolve(initOf(layer), list, i);
            layers.put(description.layerName(i), module(layer, input, init, weights, noise, dataType));
        }
        return new Network(description, layers, softmax);
    }

    private static Module module(LayerDescription layer, int[] input, Initialization init, Generator weights,
                                 Generator noise, DataType dataType) {
        if (layer instanceof LayerDescription.Convolution c) {
            int[] shape = {c.filters(), input[0], c.kernel().height(), c.kernel().width()};
            Tensor weight = initializer(init, shape).create(weights, dataType, shape);
            Tensor bias = c.bias() ? bias(init, shape, weights, dataType) : null;
            return new Conv2d(weight, bias, pair(c.stride()), pair(c.padding()), pair(c.dilation()));
        }
        if (layer instanceof LayerDescription.Linear l) {
            int features = Math.toIntExact(Checks.product(input));
            int[] shape = {l.units(), features};
            Tensor weight = initializer(init, shape).create(weights, dataType, shape);
            return new Linear(weight, l.bias() ? bias(init, shape, weights, dataType) : null);
        }
        if (layer instanceof LayerDescription.Pooling p) {
            return p.kind() == LayerDescription.PoolKind.MAX
                    ? new MaxPool2d(pair(p.kernel()), pair(p.stride()), pair(p.padding()), new int[] {1, 1}, p.ceilMode())
                    : new AvgPool2d(pair(p.kernel()), pair(p.stride()), pair(p.padding()), p.ceilMode(),
                    p.countIncludePad());
        }
        if (layer instanceof LayerDescription.Activation a) {
            return activation(a.function()).create();
        }
        if (layer instanceof LayerDescription.Dropout d) {
            return switch (d.kind()) {
                case BERNOULLI -> new Dropout(d.p(), noise);
                case GAUSSIAN -> new GaussianDropout(d.p(), noise);
                case ALPHA -> new AlphaDropout(d.p(), noise);
            };
        }
        if (layer instanceof LayerDescription.BatchNorm b) {
            return input.length == 1 ? new BatchNorm1d(input[0], dataType) : new BatchNorm2d(input[0], dataType);
        }
        if (layer instanceof LayerDescription.Flatten) {
            return new Flatten();
        }
        throw new IllegalArgumentException("network: no module for layer type " + layer.type());
    }

    /** The activation enum constant for a description's function name. */
    public static Activation activation(String function) {
        return Activation.valueOf(function.toUpperCase(Locale.ROOT));
    }

    private static Initialization initOf(LayerDescription layer) {
        if (layer instanceof LayerDescription.Convolution c) {
            return c.init();
        }
        if (layer instanceof LayerDescription.Linear l) {
            return l.init();
        }
        return Initialization.AUTO;
    }

    /**
     * Resolves AUTO from the next activation after layer {@code index}: LeCun normal before
     * SELU (or with no activation before the output), He normal before ReLU-like functions,
     * Xavier uniform before sigmoid and tanh.
     */
    static Initialization resolve(Initialization init, List<LayerDescription> layers, int index) {
        if (init != Initialization.AUTO) {
            return init;
        }
        for (int i = index + 1; i < layers.size(); i++) {
            LayerDescription next = layers.get(i);
            if (next instanceof LayerDescription.Activation a) {
                return switch (a.function()) {
                    case "selu" -> Initialization.LECUN_NORMAL;
                    case "sigmoid", "tanh" -> Initialization.XAVIER_UNIFORM;
                    default -> Initialization.HE_NORMAL;
                };
            }
            if (next instanceof LayerDescription.Convolution || next instanceof LayerDescription.Linear) {
                break;
            }
        }
        return Initialization.LECUN_NORMAL;
    }

    private static Initializer initializer(Initialization init, int[] shape) {
        return switch (init) {
            case LECUN_NORMAL, AUTO -> Initializers.lecunNormal();
            case HE_NORMAL -> Initializers.kaimingNormal(FanMode.FAN_IN);
            case XAVIER_UNIFORM -> Initializers.xavierUniform();
            case PYTORCH_DEFAULT -> {
                double bound = 1.0 / Math.sqrt(fanIn(shape));
                yield Initializers.uniform(-bound, bound);
            }
        };
    }

    /** Biases start at zero, except with PyTorch's default scheme, which draws them like weights. */
    private static Tensor bias(Initialization init, int[] weightShape, Generator weights, DataType dataType) {
        if (init == Initialization.PYTORCH_DEFAULT) {
            double bound = 1.0 / Math.sqrt(fanIn(weightShape));
            return Initializers.uniform(-bound, bound).create(weights, dataType, weightShape[0]);
        }
        return Tensor.zeros(dataType, weightShape[0]);
    }

    private static long fanIn(int[] weightShape) {
        long fan = 1;
        for (int axis = 1; axis < weightShape.length; axis++) {
            fan *= weightShape[axis];
        }
        return fan;
    }

    private static int[] pair(Size2 size) {
        return new int[] {size.height(), size.width()};
    }
}
