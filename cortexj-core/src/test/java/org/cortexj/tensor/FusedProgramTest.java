package org.cortexj.tensor;

import static org.cortexj.tensor.TensorAssertions.assertValuesExact;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cortexj.backend.DataType;
import org.junit.jupiter.api.Test;

/**
 * Fused programs whose intermediate values are read at many distances, against the same
 * expression evaluated element by element in Java. Only operators that IEEE 754 rounds once
 * are used, so the results must match bit for bit, and every program spans several chunks so
 * that registers reused between steps and between chunks are both exercised.
 */
class FusedProgramTest {

    /** One node of the random expression: the lazy tensor and its values computed in Java. */
    private record Node(Tensor tensor, double[] values) {
    }

    @Test
    void randomFloat64ProgramsMatchJava() {
        for (long seed = 1; seed <= 20; seed++) {
            assertRandomProgram(seed, DataType.FLOAT64, 3000);
        }
        assertRandomProgram(21, DataType.FLOAT64, 100_003);
    }

    @Test
    void randomFloat32ProgramsMatchJava() {
        for (long seed = 101; seed <= 120; seed++) {
            assertRandomProgram(seed, DataType.FLOAT32, 3000);
        }
        assertRandomProgram(121, DataType.FLOAT32, 100_003);
    }

    private static void assertRandomProgram(long seed, DataType type, int size) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Node> nodes = new ArrayList<>();
        for (int input = 0; input < 3; input++) {
            double[] values = new double[size];
            for (int i = 0; i < size; i++) {
                values[i] = round(random.nextDouble(-3, 3), type);
            }
            nodes.add(new Node(Tensor.of(values, size).toType(type).realize(), values));
        }
        for (int step = 0; step < 40; step++) {
            nodes.add(randomStep(random, nodes, type));
        }

        Node result = nodes.get(nodes.size() - 1);
        assertValuesExact(result.values(), result.tensor());
        Node middle = nodes.get(nodes.size() / 2);
        assertValuesExact(middle.values(), middle.tensor());
    }

    private static Node randomStep(SplittableRandom random, List<Node> nodes, DataType type) {
        Node a = nodes.get(random.nextInt(nodes.size()));
        Node b = nodes.get(random.nextInt(nodes.size()));
        Node c = nodes.get(random.nextInt(nodes.size()));
        double constant = round(random.nextDouble(-2, 2), type);
        int size = a.values().length;
        double[] values = new double[size];
        int kind = random.nextInt(10);
        Tensor tensor = switch (kind) {
            case 0 -> a.tensor().add(b.tensor());
            case 1 -> a.tensor().sub(b.tensor());
            case 2 -> a.tensor().mul(b.tensor());
            case 3 -> a.tensor().maximum(b.tensor());
            case 4 -> a.tensor().mul(constant);
            case 5 -> a.tensor().constant(constant).sub(a.tensor());
            case 6 -> a.tensor().constant(constant).minimum(a.tensor());
            case 7 -> Tensor.where(a.tensor().gt(b.tensor()), c.tensor(), a.tensor().neg());
            case 8 -> a.tensor().abs().sqrt();
            default -> Tensor.where(a.tensor().lt(constant), constant, b.tensor().square());
        };
        for (int i = 0; i < size; i++) {
            double x = a.values()[i];
            double y = b.values()[i];
            double z = c.values()[i];
            double value = switch (kind) {
                case 0 -> x + y;
                case 1 -> x - y;
                case 2 -> x * y;
                case 3 -> Math.max(x, y);
                case 4 -> x * constant;
                case 5 -> constant - x;
                case 6 -> Math.min(constant, x);
                case 7 -> x > y ? z : -x;
                case 8 -> Math.sqrt(Math.abs(x));
                default -> x < constant ? constant : y * y;
            };
            values[i] = round(value, type);
        }
        return new Node(tensor, values);
    }

    /** Rounds to the tensor type; in float32 every step above is a single correctly rounded operation. */
    private static double round(double value, DataType type) {
        return type == DataType.FLOAT32 ? (float) value : value;
    }
}
