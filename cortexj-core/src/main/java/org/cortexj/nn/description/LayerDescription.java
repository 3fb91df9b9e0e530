package org.cortexj.nn.description;

import java.util.List;
import java.util.Locale;

/**
 * One layer of a network described as data. Shapes here are per example, without the batch
 * axis: [channels, height, width] for images, [features] for vectors.
 *
 * <p>Every implementation is a record, so two descriptions are equal exactly when every setting
 * is, which is what the JSON round trip promises.
 */
public sealed interface LayerDescription permits LayerDescription.Convolution, LayerDescription.Pooling,
        LayerDescription.Activation, LayerDescription.Linear, LayerDescription.Dropout,
        LayerDescription.Flatten, LayerDescription.BatchNorm, LayerDescription.Softmax {

    /** Optional name chosen by the user, or null; parameter names use it when present. */
    String id();

    /** The type name used in JSON, such as {@code conv2d}. */
    String type();

    /** Output shape for an input shape; fails naming the rule when the input does not fit. */
    int[] outputShape(int[] input);

    /**
     * Number of trainable scalars for an input shape.
     *
     * @throws ArithmeticException if the count overflows a long
     */
    long parameterCount(int[] input);

    /**
     * How weights start. {@code AUTO} picks LeCun normal before SELU and He normal before ReLU
     * and its relatives, as each of those activations assumes; otherwise Xavier uniform.
     */
    enum Initialization {
        AUTO, LECUN_NORMAL, HE_NORMAL, XAVIER_UNIFORM, PYTORCH_DEFAULT;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** 2-D convolution over [C, H, W] inputs with {@code filters} output channels. */
    record Convolution(String id, int filters, Size2 kernel, Size2 stride, Size2 padding, Size2 dilation,
                       boolean bias, Initialization init) implements LayerDescription {

        public Convolution {
            Checks.positive("conv2d", id, "filters", filters);
            Checks.positive("conv2d", id, "kernel", kernel);
            Checks.positive("conv2d", id, "stride", stride);
            Checks.nonNegative("conv2d", id, "padding", padding);
            Checks.positive("conv2d", id, "dilation", dilation);
        }

        @Override
        public String type() {
            return "conv2d";
        }

        @Override
        public int[] outputShape(int[] input) {
            Checks.rank(this, input, 3);
            int height = Checks.slidingOutput(this, input, input[1], kernel.height(), stride.height(),
                    padding.height(), dilation.height(), "height");
            int width = Checks.slidingOutput(this, input, input[2], kernel.width(), stride.width(),
                    padding.width(), dilation.width(), "width");
            return new int[] {filters, height, width};
        }

        @Override
        public long parameterCount(int[] input) {
            // Exact arithmetic: four sizes of up to 2^31 each can overflow a long.
            long weights = Math.multiplyExact(Math.multiplyExact((long) filters, input[0]),
                    Math.multiplyExact((long) kernel.height(), kernel.width()));
            return Math.addExact(weights, bias ? filters : 0);
        }
    }

    /** Max or average pooling over [C, H, W] inputs. */
    record Pooling(String id, PoolKind kind, Size2 kernel, Size2 stride, Size2 padding, boolean ceilMode,
                   boolean countIncludePad) implements LayerDescription {

        public Pooling {
            String name = kind == PoolKind.MAX ? "max_pool2d" : "avg_pool2d";
            Checks.positive(name, id, "kernel", kernel);
            Checks.positive(name, id, "stride", stride);
            Checks.nonNegative(name, id, "padding", padding);
            if (padding.height() * 2 > kernel.height() || padding.width() * 2 > kernel.width()) {
                throw new IllegalArgumentException(Checks.label(name, id) + ": padding " + padding
                        + " must be at most half of kernel " + kernel);
            }
        }

        @Override
        public String type() {
            return kind == PoolKind.MAX ? "max_pool2d" : "avg_pool2d";
        }

        @Override
        public int[] outputShape(int[] input) {
            Checks.rank(this, input, 3);
            int height = Checks.poolOutput(this, input, input[1], kernel.height(), stride.height(),
                    padding.height(), ceilMode, "height");
            int width = Checks.poolOutput(this, input, input[2], kernel.width(), stride.width(),
                    padding.width(), ceilMode, "width");
            return new int[] {input[0], height, width};
        }

        @Override
        public long parameterCount(int[] input) {
            return 0;
        }
    }

    /** Kinds of pooling. */
    enum PoolKind { MAX, AVERAGE }

    /** An elementwise activation function, by name: selu, relu, elu, leaky_relu, gelu, ... */
    record Activation(String id, String function) implements LayerDescription {

        /** Names accepted in {@code function}. */
        public static final List<String> FUNCTIONS = List.of(
                "selu", "relu", "elu", "leaky_relu", "sigmoid", "tanh", "softplus", "silu", "gelu");

        public Activation {
            if (!FUNCTIONS.contains(function)) {
                throw new IllegalArgumentException(Checks.label("activation", id) + ": unknown function '"
                        + function + "'; expected one of " + FUNCTIONS);
            }
        }

        @Override
        public String type() {
            return "activation";
        }

        @Override
        public int[] outputShape(int[] input) {
            return input.clone();
        }

        @Override
        public long parameterCount(int[] input) {
            return 0;
        }
    }

    /**
     * Fully connected layer y = x·Wᵀ + b with {@code units} outputs. An input of rank above 1
     * is flattened first, as in the classic networks that go from convolutions straight to a
     * dense layer.
     */
    record Linear(String id, int units, boolean bias, Initialization init) implements LayerDescription {

        public Linear {
            Checks.positive("linear", id, "units", units);
        }

        @Override
        public String type() {
            return "linear";
        }

        @Override
        public int[] outputShape(int[] input) {
            return new int[] {units};
        }

        @Override
        public long parameterCount(int[] input) {
            return (long) units * Checks.product(input) + (bias ? units : 0);
        }
    }

    /**
     * Dropout: {@code p} is the probability that an element is dropped (PyTorch's convention,
     * so cortex's {@code dropout 0.4}, which kept 40%, is p = 0.6 here). BERNOULLI scales kept
     * elements by 1/(1−p); GAUSSIAN multiplies by noise of mean 1 and variance p/(1−p); ALPHA
     * keeps mean 0 and variance 1 for SELU networks. All are the identity in evaluation mode.
     */
    record Dropout(String id, DropoutKind kind, double p) implements LayerDescription {

        public Dropout {
            if (!(p >= 0 && p < 1)) {
                throw new IllegalArgumentException(Checks.label("dropout", id)
                        + ": drop probability p must be in [0, 1), got " + p);
            }
        }

        @Override
        public String type() {
            return switch (kind) {
                case BERNOULLI -> "dropout";
                case GAUSSIAN -> "gaussian_dropout";
                case ALPHA -> "alpha_dropout";
            };
        }

        @Override
        public int[] outputShape(int[] input) {
            return input.clone();
        }

        @Override
        public long parameterCount(int[] input) {
            return 0;
        }
    }

    /** Kinds of dropout. */
    enum DropoutKind { BERNOULLI, GAUSSIAN, ALPHA }

    /** Flattens each example to a vector. */
    record Flatten(String id) implements LayerDescription {

        @Override
        public String type() {
            return "flatten";
        }

        @Override
        public int[] outputShape(int[] input) {
            return new int[] {Math.toIntExact(Checks.product(input))};
        }

        @Override
        public long parameterCount(int[] input) {
            return 0;
        }
    }

    /** Batch normalization over the channel axis (axis 0 of the example shape). */
    record BatchNorm(String id, double eps, double momentum) implements LayerDescription {

        public BatchNorm {
            if (!(eps > 0)) {
                throw new IllegalArgumentException(Checks.label("batch_norm", id) + ": eps must be > 0, got " + eps);
            }
            if (!(momentum >= 0 && momentum <= 1)) {
                throw new IllegalArgumentException(Checks.label("batch_norm", id)
                        + ": momentum must be in [0, 1], got " + momentum);
            }
        }

        @Override
        public String type() {
            return "batch_norm";
        }

        @Override
        public int[] outputShape(int[] input) {
            if (input.length != 1 && input.length != 3) {
                throw new IllegalArgumentException(Checks.label(type(), id) + ": expects input [features] or "
                        + "[channels, height, width], got " + java.util.Arrays.toString(input));
            }
            return input.clone();
        }

        @Override
        public long parameterCount(int[] input) {
            return 2L * input[0];
        }
    }

    /**
     * The network's output: class probabilities over a vector of logits. Training applies the
     * softmax inside the cross-entropy loss, so the network's forward pass returns logits.
     */
    record Softmax(String id) implements LayerDescription {

        @Override
        public String type() {
            return "softmax";
        }

        @Override
        public int[] outputShape(int[] input) {
            Checks.rank(this, input, 1);
            return input.clone();
        }

        @Override
        public long parameterCount(int[] input) {
            return 0;
        }
    }
}
