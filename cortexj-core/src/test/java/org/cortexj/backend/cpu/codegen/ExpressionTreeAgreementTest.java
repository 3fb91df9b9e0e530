package org.cortexj.backend.cpu.codegen;

import static org.cortexj.backend.cpu.codegen.FusedEvaluation.GENERATED;
import static org.cortexj.backend.cpu.codegen.FusedEvaluation.GENERATED_TWO_WORKERS;
import static org.cortexj.backend.cpu.codegen.FusedEvaluation.INTERPRETED;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.DataType;
import org.cortexj.backend.ElementwiseProgram;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.cortexj.backend.ElementwiseProgram.Kind;
import org.cortexj.backend.Layout;
import org.cortexj.backend.UnaryOp;
import org.cortexj.backend.cpu.SimdSupport;
import org.cortexj.backend.cpu.codegen.FusedEvaluation.Input;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random expression DAGs of up to 40 instructions over every operator, with inputs
 * read in place, broadcast, strided and converted, compared bit for bit with the interpreter.
 */
class ExpressionTreeAgreementTest {

    static final UnaryOp[] UNARY = UnaryOp.values();

    static final BinaryOp[] BINARY = BinaryOp.values();

    static final int[] SIZES = {0, 1, 5, 8, 13, 16, 37, 64, 70, 1000, 1024, 1031, 2500};

    @BeforeAll
    static void requireVectorApi() {
        assumeTrue(SimdSupport.enabled(), "generated kernels need the jdk.incubator.vector module");
        assumeTrue(FusedKernels.enabled(), "generated kernels are off: -Dcortexj.codegen=false");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
        21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})
    void randomTreeMatchesInterpreter(long seed) {
        Random random = new Random(seed);
        DataType type = seed % 2 == 0 ? DataType.FLOAT32 : DataType.FLOAT64;
        int inputCount = 1 + random.nextInt(4);
        ElementwiseProgram program = randomProgram(random, type, inputCount, 4 + random.nextInt(37));
        int[] kinds = new int[inputCount];
        for (int k = 0; k < inputCount; k++) {
            kinds[k] = random.nextInt(5);
        }
        for (int size : SIZES) {
            Input[] inputs = new Input[inputCount];
            for (int k = 0; k < inputCount; k++) {
                inputs[k] = input(kinds[k], type, size, seed * 100 + k);
            }
            Layout out = Layout.contiguous(size);
            Object expected = FusedEvaluation.evaluate(INTERPRETED, program, out, size, inputs);
            Object actual = FusedEvaluation.evaluate(GENERATED, program, out, size, inputs);
            FusedEvaluation.assertSameBits(expected, actual, "seed " + seed + ", size " + size + ", " + program);
        }
        InputAccess[] accesses = new InputAccess[inputCount];
        for (int k = 0; k < inputCount; k++) {
            accesses[k] = kinds[k] == 1 ? InputAccess.BROADCAST : InputAccess.ARRAY;
        }
        FusedEvaluation.assertGenerated(program, accesses);
    }

    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103, 104})
    void largeRandomTreeMatchesOnTwoWorkers(long seed) {
        Random random = new Random(seed);
        DataType type = seed % 2 == 0 ? DataType.FLOAT32 : DataType.FLOAT64;
        ElementwiseProgram program = randomProgram(random, type, 2, 30);
        int size = 100_003;
        Input[] inputs = {input(0, type, size, seed), input(2, type, size, seed + 1)};
        Layout out = Layout.contiguous(size);
        Object expected = FusedEvaluation.evaluate(INTERPRETED, program, out, size, inputs);
        Object actual = FusedEvaluation.evaluate(GENERATED_TWO_WORKERS, program, out, size, inputs);
        FusedEvaluation.assertSameBits(expected, actual, "seed " + seed + ", two workers, " + program);
    }

    /**
     * Builds a random straight-line program of {@code length} instructions. Loads come first,
     * constants and more loads appear as leaves, and each step picks operands among earlier
     * registers, mostly recent ones, so that trees grow deep.
     */
    static ElementwiseProgram randomProgram(Random random, DataType type, int inputCount, int length) {
        List<Instruction> instructions = new ArrayList<>();
        for (int k = 0; k < inputCount; k++) {
            instructions.add(Instruction.load(k));
        }
        while (instructions.size() < length) {
            int draw = random.nextInt(20);
            if (draw < 2) {
                instructions.add(Instruction.constant(randomConstant(random)));
            } else if (draw < 3) {
                instructions.add(Instruction.load(random.nextInt(inputCount)));
            } else if (draw < 8) {
                instructions.add(Instruction.unary(UNARY[random.nextInt(UNARY.length)], operand(random, instructions)));
            } else if (draw < 17) {
                instructions.add(Instruction.binary(BINARY[random.nextInt(BINARY.length)],
                        operand(random, instructions), operand(random, instructions)));
            } else {
                instructions.add(Instruction.where(operand(random, instructions), operand(random, instructions),
                        operand(random, instructions)));
            }
        }
        if (instructions.get(instructions.size() - 1).kind() != Kind.BINARY) {
            instructions.add(Instruction.binary(BinaryOp.ADD, instructions.size() - 1, operand(random, instructions)));
        }
        return new ElementwiseProgram(type, instructions, inputCount);
    }

    private static int operand(Random random, List<Instruction> instructions) {
        int count = instructions.size();
        int back = Math.min(count, 1 + (int) Math.abs(random.nextGaussian() * 4));
        return random.nextInt(4) == 0 ? random.nextInt(count) : count - back;
    }

    private static double randomConstant(Random random) {
        double[] specials = TestValues.SPECIAL_DOUBLES;
        return random.nextBoolean() ? specials[random.nextInt(specials.length)] : random.nextGaussian() * 3;
    }

    /** Input kind 0: run; 1: broadcast; 2: offset run; 3: stride 3; 4: other float type. */
    private static Input input(int kind, DataType type, int size, long seed) {
        DataType other = type == DataType.FLOAT32 ? DataType.FLOAT64 : DataType.FLOAT32;
        return switch (kind) {
            case 0 -> Input.contiguous(TestValues.array(type, size, seed, (int) seed, 3));
            case 1 -> new Input(TestValues.array(type, 4, seed, (int) seed, 1), new Layout(new int[] {size}, new int[] {0}, 2));
            case 2 -> new Input(TestValues.array(type, size + 11, seed, 1, 4), new Layout(new int[] {size}, new int[] {1}, 11));
            case 3 -> new Input(TestValues.array(type, 3 * size + 1, seed, 2, 5), new Layout(new int[] {size}, new int[] {3}, 1));
            default -> Input.contiguous(TestValues.array(other, size, seed, 3, 3));
        };
    }
}
