package org.cortexj.bench;

import java.util.concurrent.TimeUnit;
import org.cortexj.autograd.GradMode;
import org.cortexj.backend.DataType;
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.loss.CrossEntropyLoss;
import org.cortexj.nn.Network;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkFactory;
import org.cortexj.optim.Adam;
import org.cortexj.optim.Optimizer;
import org.cortexj.tensor.DefaultBackend;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seed network (conv 5x5x20, max-pool, SELU, conv 5x5x50, max-pool, SELU, linear 1000,
 * dropout, linear 10, cross-entropy): one forward and backward pass of a batch of 128, one full
 * training step with Adam, and inference on a batch of 1000. Images/s = batch / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
public class SeedNetworkBenchmark {

    @Param("2")
    public int workers;

    private Network network;
    private Optimizer optimizer;
    private Tensor images;
    private Tensor labels;
    private Tensor inferenceImages;
    private final CrossEntropyLoss loss = new CrossEntropyLoss();

    @Setup(Level.Trial)
    public void setUp() {
        DefaultBackend.set(new CpuBackend(workers, true));
        network = NetworkFactory.build(NetworkDescription.seedNetwork("selu"), new Generator(1), new Generator(2));
        optimizer = Adam.builder().learningRate(1e-3).build(network);
        images = Tensor.uniform(new Generator(3), 0, 1, DataType.FLOAT32, 128, 1, 28, 28);
        int[] classes = new int[128];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = i % 10;
        }
        labels = Tensor.of(classes, 128);
        inferenceImages = Tensor.uniform(new Generator(4), 0, 1, DataType.FLOAT32, 1000, 1, 28, 28);
    }

    @Benchmark
    public double forwardBackward128() {
        network.train();
        network.zeroGrad();
        Tensor value = loss.forward(network.forward(images), labels);
        value.backward();
        return value.item();
    }

    @Benchmark
    public double trainingStep128() {
        double value = forwardBackward128();
        optimizer.step();
        return value;
    }

    @Benchmark
    public Tensor inference1000() {
        network.eval();
        try (GradMode.Scope ignored = GradMode.disable()) {
            return network.forward(inferenceImages).realize();
        }
    }
}
