package org.cortexj.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.data.BatchLoader;
import org.cortexj.data.Normalization;
import org.cortexj.data.idx.ImageDataset;
import org.cortexj.loss.CrossEntropyLoss;
import org.cortexj.nn.Network;
import org.cortexj.nn.description.LayerDescription;
import org.cortexj.nn.description.LayerDescription.Convolution;
import org.cortexj.nn.description.LayerDescription.Initialization;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkFactory;
import org.cortexj.nn.description.Size2;
import org.cortexj.optim.AdaDelta;
import org.cortexj.optim.Adam;
import org.cortexj.optim.SGD;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hyperparameter, layer setting and data pairing is checked when the settings, network,
 * optimizer or trainer is built, and the message names the setting, the rejected value and the
 * allowed range. Each row: a case name, the construction that must fail, and the parts the
 * message must contain.
 */
class ConfigurationValidationTest {

    private static Arguments row(String name, Executable construction, String... parts) {
        return Arguments.of(name, construction, parts);
    }

    private static NetworkDescription.Builder image(int side) {
        return NetworkDescription.builder(1, side, side);
    }

    private static Convolution convolution(int filters, int kernel, int stride, int padding, int dilation) {
        return new Convolution("conv", filters, Size2.square(kernel), Size2.square(stride), Size2.square(padding),
                Size2.square(dilation), true, Initialization.AUTO);
    }

    private static Network smallNetwork() {
        return NetworkFactory.build(TrainingFixtures.smallNetwork(), new Generator(1), new Generator(2));
    }

    private static void trainBars(NetworkDescription network, ImageDataset train, ImageDataset test)
            throws java.io.IOException {
        new Trainer(network, TrainingSettings.builder().epochs(1).batchSize(8).build(), List.of())
                .fit(train, test, false);
    }

    static Stream<Arguments> invalidConfigurations() {
        ImageDataset bars = TrainingFixtures.bars(16, 1);
        return Stream.of(
                // Training settings.
                row("epochs 0", () -> TrainingSettings.builder().epochs(0).build(), "epochs", "got 0", ">= 1"),
                row("batch size 0", () -> TrainingSettings.builder().batchSize(0).build(),
                        "batch size", "got 0", ">= 1"),
                row("learning rate 0", () -> TrainingSettings.builder().learningRate(0).build(),
                        "learning rate", "got 0.0", "> 0 and finite"),
                row("learning rate negative", () -> TrainingSettings.builder().learningRate(-1e-3).build(),
                        "learning rate", "got -0.001", "> 0"),
                row("learning rate NaN", () -> TrainingSettings.builder().learningRate(Double.NaN).build(),
                        "learning rate", "got NaN", "> 0 and finite"),
                row("learning rate infinite", () -> TrainingSettings.builder().learningRate(Double.POSITIVE_INFINITY)
                        .build(), "learning rate", "got Infinity", "finite"),
                row("patience negative", () -> TrainingSettings.builder().patience(-1).build(),
                        "patience", "got -1", ">= 0"),
                row("clip norm negative", () -> TrainingSettings.builder().clipNorm(-0.5).build(),
                        "gradient clip norm", "got -0.5", ">= 0"),
                row("clip norm NaN", () -> TrainingSettings.builder().clipNorm(Double.NaN).build(),
                        "gradient clip norm", "got NaN", ">= 0"),
                row("evaluation batch size 0", () -> TrainingSettings.builder().evaluationBatchSize(0).build(),
                        "evaluation batch size", "got 0", ">= 1"),
                row("optimizer missing", () -> TrainingSettings.builder().optimizer(null).build(),
                        "optimizer", "got null", "ADAM"),
                row("metric missing", () -> TrainingSettings.builder().metric(null).build(),
                        "metric", "got null", "TEST_ACCURACY"),
                row("weight decay negative", () -> TrainingSettings.builder().weightDecay(-1e-4).build(),
                        "weight decay", "got -1.0E-4", ">= 0 and finite"),
                row("weight decay infinite", () -> TrainingSettings.builder().weightDecay(Double.POSITIVE_INFINITY)
                        .build(), "weight decay", "got Infinity", "finite"),
                row("label smoothing above 1", () -> TrainingSettings.builder().labelSmoothing(1.5).build(),
                        "label smoothing", "got 1.5", "in [0, 1]"),
                row("label smoothing NaN", () -> TrainingSettings.builder().labelSmoothing(Double.NaN).build(),
                        "label smoothing", "got NaN", "in [0, 1]"),

                // Layer settings, checked when the network description is built.
                row("input size 0", () -> NetworkDescription.builder(1, 0, 8).build(), "input shape [1, 0, 8]", ">= 1"),
                row("zero filters", () -> image(8).add(convolution(0, 3, 1, 0, 1)).build(), "filters", "got 0", ">= 1"),
                row("kernel 0", () -> image(8).add(convolution(4, 0, 1, 0, 1)).build(), "kernel", "got 0x0", ">= 1"),
                row("stride 0", () -> image(8).add(convolution(4, 3, 0, 0, 1)).build(), "stride", "got 0x0", ">= 1"),
                row("padding negative", () -> image(8).add(convolution(4, 3, 1, -1, 1)).build(),
                        "padding", "got -1x-1", ">= 0"),
                row("dilation 0", () -> image(8).add(convolution(4, 3, 1, 0, 0)).build(),
                        "dilation", "got 0x0", ">= 1"),
                row("kernel larger than padded input", () -> image(4).add(convolution(4, 7, 1, 1, 1)).build(),
                        "conv2d 'conv'", "kernel 7", "larger than the padded input height 6"),
                row("dilated kernel larger than input", () -> image(6).add(convolution(4, 3, 1, 0, 3)).build(),
                        "kernel 3 (dilated to 7)", "padded input height 6"),
                row("pool kernel larger than input", () -> image(3).maxPool(4, 4).build(),
                        "max_pool2d", "kernel 4", "padded input height 3"),
                row("pool padding over half kernel", () -> new LayerDescription.Pooling(null,
                        LayerDescription.PoolKind.MAX, Size2.square(2), Size2.square(2), Size2.square(2), false, true),
                        "padding 2x2", "at most half of kernel 2x2"),
                row("dropout p negative", () -> image(8).flatten().dropout(-0.1).build(), "p", "got -0.1", "[0, 1)"),
                row("dropout p one", () -> image(8).flatten().dropout(1.0).build(), "p", "got 1.0", "[0, 1)"),
                row("dropout p NaN", () -> image(8).flatten().dropout(Double.NaN).build(), "p", "got NaN", "[0, 1)"),
                row("alpha dropout p above one", () -> image(8).flatten().alphaDropout(1.5).build(),
                        "p", "got 1.5", "[0, 1)"),
                row("batch norm eps 0", () -> new LayerDescription.BatchNorm(null, 0, 0.1), "eps", "got 0.0", "> 0"),
                row("batch norm momentum above one", () -> new LayerDescription.BatchNorm(null, 1e-5, 1.5),
                        "momentum", "got 1.5", "[0, 1]"),
                row("linear units 0", () -> image(8).linear(0).build(), "units", "got 0", ">= 1"),
                row("unknown activation", () -> image(8).activation("swish").build(),
                        "unknown function 'swish'", "selu"),
                row("softmax before last", () -> image(8).linear(4).softmax().linear(2).build(),
                        "softmax", "must be the last layer"),
                row("linear over tensor limit", () -> image(8).linear(Integer.MAX_VALUE).build(),
                        "parameter count", "over the limit of " + Integer.MAX_VALUE),

                // Optimizer hyperparameters.
                row("Adam beta1 one", () -> Adam.builder().betas(1.0, 0.999).build(smallNetwork()),
                        "beta1", "got 1.0", "[0, 1)"),
                row("Adam beta2 negative", () -> Adam.builder().betas(0.9, -0.1).build(smallNetwork()),
                        "beta2", "got -0.1", "[0, 1)"),
                row("Adam epsilon negative", () -> Adam.builder().epsilon(-1).build(smallNetwork()),
                        "epsilon", "got -1.0", ">= 0"),
                row("Adam weight decay NaN", () -> Adam.builder().weightDecay(Double.NaN).build(smallNetwork()),
                        "weight decay", "got NaN", ">= 0"),
                row("Adam learning rate negative", () -> Adam.builder().learningRate(-1).build(smallNetwork()),
                        "learning rate", "got -1.0", ">= 0"),
                row("SGD momentum one", () -> SGD.builder(0.1).momentum(1.0).build(smallNetwork()),
                        "momentum", "got 1.0", "[0, 1)"),
                row("SGD dampening above one", () -> SGD.builder(0.1).dampening(1.5).build(smallNetwork()),
                        "dampening", "got 1.5", "[0, 1]"),
                row("AdaDelta rho above one", () -> AdaDelta.builder().rho(1.5).build(smallNetwork()),
                        "rho", "got 1.5", "[0, 1]"),
                row("AdaDelta epsilon 0", () -> AdaDelta.builder().epsilon(0).build(smallNetwork()),
                        "epsilon", "got 0.0", "> 0"),

                // Data and its pairing with the network.
                row("loader batch size 0", () -> new BatchLoader(bars, 0, Normalization.of(bars)),
                        "batch size", "got 0", ">= 1"),
                row("label count differs from image count", () -> ImageDataset.of("pair", new byte[3 * 64],
                        new byte[4], 8, 8, 4), "4 labels", "got 192", "label count must equal the image count"),
                row("class count 0", () -> ImageDataset.of("pair", new byte[64], new byte[1], 8, 8, 0),
                        "classCount", "0", "[1, 256]"),
                row("label not below class count", () -> ImageDataset.of("pair", new byte[64], new byte[] {4}, 8, 8, 4),
                        "label 4", "classCount 4"),
                row("network classes differ from dataset", () -> trainBars(image(8).flatten().linear("out", 10)
                        .build(), bars, bars), "network output shape [10]", "4 classes", "units = 4"),
                row("network input differs from images", () -> trainBars(NetworkDescription.builder(1, 28, 28)
                        .flatten().linear(4).build(), bars, bars), "network input shape [1, 28, 28]",
                        "training images [1, 8, 8]"),
                row("test classes differ from training", () -> trainBars(TrainingFixtures.smallNetwork(), bars,
                        ImageDataset.of("ten", new byte[64], new byte[1], 8, 8, 10)), "10 classes", "4"),
                row("labels count differs from logits", () -> new CrossEntropyLoss().forward(Tensor.zeros(4, 3),
                        Tensor.of(new int[] {0, 1, 2, 0, 1}, 5)), "logits shape [4, 3]", "labels shape [5]"),
                row("backend workers 0", () -> new CpuBackend(0, true), "workers", "got 0", ">= 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidConfigurations")
    void invalidSettingRejectedWithItsRange(String name, Executable construction, String[] parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction, name);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), name + ": expected '" + part + "' in: " + e.getMessage());
        }
    }
}
