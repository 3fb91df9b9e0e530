package org.cortexj.backend.cpu;

import java.util.Arrays;
import java.util.List;
import org.cortexj.backend.DataType;
import org.cortexj.backend.ElementwiseProgram;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.cortexj.backend.Layout;

/**
 * Evaluates fused elementwise programs chunk by chunk.
 *
 * <p>The output is cut into chunks of {@value #CHUNK} consecutive row-major positions. For each
 * chunk every instruction runs over the whole chunk, writing a chunk-sized register that stays
 * in the first-level cache, so a chain of operations costs one pass over main memory. Inputs
 * that are plain runs of memory are read in place and, when the output is one, the last
 * instruction writes straight into it. Chunk boundaries depend only on the output size, so
 * results do not depend on the worker count.
 */
final class ElementwiseEvaluator {

    /** Elements per chunk: a float32 register of 4 KiB, so a dozen registers fit in L1. */
    static final int CHUNK = 1024;

    /** Outputs smaller than this run on the calling thread; a fork costs more than it saves. */
    static final int PARALLEL_THRESHOLD = 1 << 15;

    private final ElementwiseKernels kernels;
    private final WorkerPool pool;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    ElementwiseEvaluator(ElementwiseKernels kernels, WorkerPool pool) {
        this.kernels = kernels;
        this.pool = pool;
    }

    ElementwiseKernels kernels() {
        return kernels;
    }

    void evaluate(ElementwiseProgram program, CpuBuffer output, Layout outputLayout,
                  CpuBuffer[] inputs, Layout[] inputLayouts) {
        Plan plan = Plan.of(program, output, outputLayout, inputs, inputLayouts);
        int size = plan.layouts.size();
        if (size == 0) {
            return;
        }
        int chunks = (size + CHUNK - 1) / CHUNK;
        if (size < PARALLEL_THRESHOLD) {
            runChunks(plan, 0, chunks);
        } else {
            pool.parallelRanges(chunks, (first, end) -> runChunks(plan, first, end));
        }
    }

    private void runChunks(Plan plan, int firstChunk, int endChunk) {
        Scratch registers = scratch.get();
        registers.prepare(plan);
        int size = plan.layouts.size();
        for (int chunk = firstChunk; chunk < endChunk; chunk++) {
            int start = chunk * CHUNK;
            int length = Math.min(CHUNK, size - start);
            runChunk(plan, registers, start, length);
        }
    }

    private void runChunk(Plan plan, Scratch registers, int start, int length) {
        List<Instruction> instructions = plan.program.instructions();
        int last = instructions.size() - 1;
        for (int i = 0; i <= last; i++) {
            Instruction instruction = instructions.get(i);
            if (i == last && plan.outputIsRun && computes(instruction)) {
                registers.arrays[i] = plan.output.array();
                registers.offsets[i] = plan.layouts.offsets()[0] + start;
            }
            switch (instruction.kind()) {
                case LOAD -> load(plan, registers, i, instruction.input(), start, length);
                case CONSTANT -> { }
                case UNARY -> unary(instruction, registers, i, length);
                case BINARY -> binary(instruction, registers, i, length);
                case WHERE -> where(instruction, registers, i, length);
            }
        }
        storeResult(plan, registers, last, start, length);
    }

    private static boolean computes(Instruction instruction) {
        return switch (instruction.kind()) {
            case UNARY, BINARY, WHERE -> true;
            case LOAD, CONSTANT -> false;
        };
    }

    private void load(Plan plan, Scratch registers, int register, int input, int start, int length) {
        int operand = input + 1;
        InputMode mode = plan.inputModes[input];
        if (mode == InputMode.RUN) {
            registers.arrays[register] = plan.inputs[input].array();
            registers.offsets[register] = plan.layouts.offsets()[operand] + start;
        } else if (mode == InputMode.GATHER) {
            registers.arrays[register] = registers.owned[register];
            registers.offsets[register] = 0;
            StridedCopy.copyRange(plan.layouts.shape(), plan.inputs[input].array(),
                    plan.layouts.offsets()[operand], plan.layouts.strides()[operand],
                    registers.owned[register], -start, plan.rowMajorStrides,
                    start, length);
        }
        // BROADCAST registers were filled once in Scratch.prepare.
    }

    private void storeResult(Plan plan, Scratch registers, int last, int start, int length) {
        Object result = registers.arrays[last];
        int resultOffset = registers.offsets[last];
        if (plan.outputIsRun) {
            Object target = plan.output.array();
            int targetOffset = plan.layouts.offsets()[0] + start;
            if (result != target || resultOffset != targetOffset) {
                StridedCopy.copyRow(result, resultOffset, 1, target, targetOffset, 1, length);
            }
            return;
        }
        int[] shape = plan.layouts.shape();
        StridedCopy.copyRange(shape, result, resultOffset - start, plan.rowMajorStrides,
                plan.output.array(), plan.layouts.offsets()[0], plan.layouts.strides()[0], start, length);
    }

    private void unary(Instruction instruction, Scratch registers, int target, int length) {
        int a = instruction.a();
        if (registers.arrays[a] instanceof float[] x) {
            kernels.unary(instruction.unary(), x, registers.offsets[a],
                    (float[]) registers.arrays[target], registers.offsets[target], length);
        } else {
            kernels.unary(instruction.unary(), (double[]) registers.arrays[a], registers.offsets[a],
                    (double[]) registers.arrays[target], registers.offsets[target], length);
        }
    }

    private void binary(Instruction instruction, Scratch registers, int target, int length) {
        int a = instruction.a();
        int b = instruction.b();
        if (registers.arrays[a] instanceof float[] left) {
            kernels.binary(instruction.binary(), left, registers.offsets[a],
                    (float[]) registers.arrays[b], registers.offsets[b],
                    (float[]) registers.arrays[target], registers.offsets[target], length);
        } else {
            kernels.binary(instruction.binary(), (double[]) registers.arrays[a], registers.offsets[a],
                    (double[]) registers.arrays[b], registers.offsets[b],
                    (double[]) registers.arrays[target], registers.offsets[target], length);
        }
    }

    private void where(Instruction instruction, Scratch registers, int target, int length) {
        int c = instruction.a();
        int t = instruction.b();
        int f = instruction.c();
        if (registers.arrays[c] instanceof float[] condition) {
            kernels.where(condition, registers.offsets[c], (float[]) registers.arrays[t], registers.offsets[t],
                    (float[]) registers.arrays[f], registers.offsets[f],
                    (float[]) registers.arrays[target], registers.offsets[target], length);
        } else {
            kernels.where((double[]) registers.arrays[c], registers.offsets[c],
                    (double[]) registers.arrays[t], registers.offsets[t],
                    (double[]) registers.arrays[f], registers.offsets[f],
                    (double[]) registers.arrays[target], registers.offsets[target], length);
        }
    }

    /** How a LOAD reads its input for a chunk. */
    private enum InputMode {
        /** Read in place: same type, one unit-stride run. */
        RUN,
        /** One element repeated everywhere: converted into a register once per evaluation. */
        BROADCAST,
        /** Copied and converted into a register per chunk. */
        GATHER
    }

    /** Everything about one evaluation that does not change from chunk to chunk. */
    private static final class Plan {
        final ElementwiseProgram program;
        final CpuBuffer output;
        final CpuBuffer[] inputs;
        final CollapsedLayouts layouts;
        final InputMode[] inputModes;
        final boolean outputIsRun;
        final int[] rowMajorStrides;

        private Plan(ElementwiseProgram program, CpuBuffer output, CpuBuffer[] inputs,
                     CollapsedLayouts layouts, InputMode[] inputModes, boolean outputIsRun) {
            this.program = program;
            this.output = output;
            this.inputs = inputs;
            this.layouts = layouts;
            this.inputModes = inputModes;
            this.outputIsRun = outputIsRun;
            this.rowMajorStrides = Layout.rowMajorStrides(layouts.shape());
        }

        static Plan of(ElementwiseProgram program, CpuBuffer output, Layout outputLayout,
                       CpuBuffer[] inputs, Layout[] inputLayouts) {
            checkArguments(program, output, outputLayout, inputs, inputLayouts);
            Layout[] all = new Layout[inputs.length + 1];
            all[0] = outputLayout;
            System.arraycopy(inputLayouts, 0, all, 1, inputs.length);
            CollapsedLayouts layouts = CollapsedLayouts.of(all);
            InputMode[] modes = new InputMode[inputs.length];
            for (int input = 0; input < inputs.length; input++) {
                boolean sameType = inputs[input].dataType() == program.dataType();
                if (layouts.isBroadcastScalar(input + 1) && layouts.size() > 1) {
                    modes[input] = InputMode.BROADCAST;
                } else if (sameType && layouts.isRun(input + 1)) {
                    modes[input] = InputMode.RUN;
                } else {
                    modes[input] = InputMode.GATHER;
                }
            }
            return new Plan(program, output, inputs, layouts, modes, layouts.isRun(0));
        }

        private static void checkArguments(ElementwiseProgram program, CpuBuffer output, Layout outputLayout,
                                           CpuBuffer[] inputs, Layout[] inputLayouts) {
            if (output.dataType() != program.dataType()) {
                throw new IllegalArgumentException("elementwise: output is " + output.dataType()
                        + " but the program computes in " + program.dataType());
            }
            if (inputs.length != program.inputCount() || inputLayouts.length != inputs.length) {
                throw new IllegalArgumentException("elementwise: program reads " + program.inputCount()
                        + " inputs, got " + inputs.length + " buffers and " + inputLayouts.length + " layouts");
            }
            for (int k = 0; k < inputs.length; k++) {
                if (!Arrays.equals(inputLayouts[k].shape(), outputLayout.shape())) {
                    throw new IllegalArgumentException("elementwise: input " + k + " has shape "
                            + Arrays.toString(inputLayouts[k].shape()) + ", output has "
                            + Arrays.toString(outputLayout.shape()) + "; broadcast inputs first");
                }
            }
        }
    }

    /** One worker's registers: arrays it owns plus the array and offset each register reads now. */
    private static final class Scratch {
        Object[] owned = new Object[0];
        Object[] arrays = new Object[0];
        int[] offsets = new int[0];
        DataType ownedType;

        void prepare(Plan plan) {
            List<Instruction> instructions = plan.program.instructions();
            int count = instructions.size();
            DataType type = plan.program.dataType();
            if (owned.length < count || ownedType != type) {
                grow(Math.max(count, owned.length), type);
            }
            for (int i = 0; i < count; i++) {
                arrays[i] = owned[i];
                offsets[i] = 0;
                Instruction instruction = instructions.get(i);
                if (instruction.kind() == ElementwiseProgram.Kind.CONSTANT) {
                    fill(owned[i], instruction.constant());
                } else if (instruction.kind() == ElementwiseProgram.Kind.LOAD
                        && plan.inputModes[instruction.input()] == InputMode.BROADCAST) {
                    int operand = instruction.input() + 1;
                    double value = CpuBackend.read(plan.inputs[instruction.input()].array(),
                            plan.layouts.offsets()[operand]);
                    fill(owned[i], value);
                }
            }
        }

        private void grow(int count, DataType type) {
            owned = new Object[count];
            for (int i = 0; i < count; i++) {
                owned[i] = type == DataType.FLOAT32 ? new float[CHUNK] : new double[CHUNK];
            }
            arrays = new Object[count];
            offsets = new int[count];
            ownedType = type;
        }

        private static void fill(Object register, double value) {
            if (register instanceof float[] floats) {
                Arrays.fill(floats, (float) value);
            } else {
                Arrays.fill((double[]) register, value);
            }
        }
    }
}
