package org.cortexj.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.cortexj.backend.cpu.CpuBackend;
import org.cortexj.tensor.DefaultBackend;
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
 * SELU over 16M float32 values: the fused tensor expression against hand-written loops, the
 * same chain evaluated one operation at a time, and plain copies of the same data.
 *
 * <p>{@code workers} sets the tensor backend's thread count; the hand-written loops and
 * {@code arrayCopy} always run on one thread, so compare them with {@code workers = 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
public class SeluBenchmark {

    static final double LAMBDA = 1.0507009873554804934193349852946;
    static final double ALPHA = 1.6732632423543772848170429916717;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;

    @Param("16777216")
    public int size;

    @Param({"1", "2"})
    public int workers;

    private float[] input;
    private float[] output;
    private Tensor x;
    private Tensor out;

    @Setup(Level.Trial)
    public void setUp() {
        DefaultBackend.set(new CpuBackend(workers, true));
        input = new float[size];
        output = new float[size];
        Random random = new Random(42);
        for (int i = 0; i < size; i++) {
            input[i] = (float) random.nextGaussian();
        }
        x = Tensor.of(input, size);
        out = Tensor.zeros(size);
    }

    /** The activation as users write it: four readable expressions, evaluated fused. */
    @Benchmark
    public Tensor fusedExpression() {
        return Tensor.where(x.gt(0), x, x.exp().mul(ALPHA).sub(ALPHA)).mul(LAMBDA).into(out);
    }

    /** The same chain with every intermediate evaluated into its own tensor. */
    @Benchmark
    public Tensor opByOp() {
        Tensor positive = x.gt(0).realize();
        Tensor exponential = x.exp().realize();
        Tensor scaled = exponential.mul(ALPHA).realize();
        Tensor shifted = scaled.sub(ALPHA).realize();
        Tensor selected = Tensor.where(positive, x, shifted).realize();
        return selected.mul(LAMBDA).into(out);
    }

    /** One plain Java loop, as a user would write SELU by hand. */
    @Benchmark
    public float[] handWrittenLoop() {
        float lambda = (float) LAMBDA;
        float alpha = (float) ALPHA;
        for (int i = 0; i < size; i++) {
            float v = input[i];
            output[i] = v > 0 ? lambda * v : lambda * (alpha * (float) Math.exp(v) - alpha);
        }
        return output;
    }

    /** One Vector API loop: the fastest single-threaded SELU we know how to write in Java. */
    @Benchmark
    public float[] handWrittenVectorLoop() {
        FloatVector lambda = FloatVector.broadcast(FLOATS, (float) LAMBDA);
        FloatVector alpha = FloatVector.broadcast(FLOATS, (float) ALPHA);
        int body = FLOATS.loopBound(size);
        for (int i = 0; i < body; i += FLOATS.length()) {
            FloatVector v = FloatVector.fromArray(FLOATS, input, i);
            FloatVector negative = v.lanewise(VectorOperators.EXP).mul(alpha).sub(alpha);
            negative.blend(v, v.compare(VectorOperators.GT, 0f)).mul(lambda).intoArray(output, i);
        }
        for (int i = body; i < size; i++) {
            float v = input[i];
            output[i] = (float) LAMBDA * (v > 0 ? v : (float) ALPHA * (float) Math.exp(v) - (float) ALPHA);
        }
        return output;
    }

    /** Plain single-threaded copy of the same bytes: the memory-bandwidth yardstick. */
    @Benchmark
    public float[] arrayCopy() {
        System.arraycopy(input, 0, output, 0, size);
        return output;
    }

    /** Copy through the tensor backend, on {@code workers} threads. */
    @Benchmark
    public Tensor tensorCopy() {
        return out.assign(x);
    }
}
