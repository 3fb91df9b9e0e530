package org.cortexj.backend.cpu;

import java.util.Arrays;
import java.util.List;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.DataType;
import org.cortexj.backend.ElementwiseProgram;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.cortexj.backend.Layout;
import org.cortexj.backend.cpu.codegen.FusedKernel;
import org.cortexj.backend.cpu.codegen.FusedKernels;
import org.cortexj.backend.cpu.codegen.InputAccess;

/**
 * Evaluates fused elementwise programs chunk by chunk.
 *
 * <p>The output is cut into chunks of {@value #CHUNK} consecutive row-major positions. For each
 * chunk every instruction runs over the whole chunk, writing a chunk-sized register that stays
 * in the first-level cache, so a chain of operations costs one pass over main memory. Inputs
 * that are plain runs of memory are read in place and, when the output is one, the last
 * instruction writes straight into it. Chunk boundaries depend only on the output size, so
 * results do not depend on the worker count.
 *
 * <p>With generated kernels on, a program runs as a {@link FusedKernel} instead: one loop that
 * keeps intermediates in registers and gives the same results as the per-instruction kernels.
 */
final class ElementwiseEvaluator {

    /** Elements per chunk: a float32 register of 4 KiB, so a dozen registers fit in L1. */
    static final int CHUNK = 1024;

    /** Outputs smaller than this run on the calling thread; a fork costs more than it saves. */
    static final int PARALLEL_THRESHOLD = 1 << 15;

    private final ElementwiseKernels kernels;
    private final WorkerPool pool;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    private final boolean generatedKernels;

    /**
     * @param generatedKernels whether to run programs as generated kernels; only valid with
     *        the Vector API kernels, whose results the generated ones reproduce
     */
    ElementwiseEvaluator(ElementwiseKernels kernels, WorkerPool pool, boolean generatedKernels) {
        this.kernels = kernels;
        this.pool = pool;
        this.generatedKernels = generatedKernels;
    }

    ElementwiseKernels kernels() {
        return kernels;
    }

    void evaluate(ElementwiseProgram program, CpuBuffer output, Layout outputLayout,
                  CpuBuffer[] inputs, Layout[] inputLayouts) {
        Plan plan = Plan.of(program, output, outputLayout, inputs, inputLayouts, generatedKernels);
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
        if (plan.fusedSpansChunks) {
            int start = firstChunk * CHUNK;
            int end = (int) Math.min((long) endChunk * CHUNK, size);
            runFusedChunk(plan, registers, start, end - start);
            return;
        }
        for (int chunk = firstChunk; chunk < endChunk; chunk++) {
            int start = chunk * CHUNK;
            int length = Math.min(CHUNK, size - start);
            runChunk(plan, registers, start, length);
        }
    }

    private void runChunk(Plan plan, Scratch registers, int start, int length) {
        if (plan.fused != null) {
            runFusedChunk(plan, registers, start, length);
            return;
        }
        List<Instruction> instructions = plan.program.instructions();
        int last = instructions.size() - 1;
        for (int i = 0; i <= last; i++) {
            Instruction instruction = instructions.get(i);
            if (i == last && plan.outputIsRun && computes(instruction)) {
                registers.arrays[i] = plan.output.array();
                registers.offsets[i] = plan.layouts.offsets()[0] + start;
            }
            if (plan.buffer[i] >= 0 && !(i == last && plan.outputIsRun && computes(instruction))) {
                registers.arrays[i] = registers.buffers[plan.buffer[i]];
                registers.offsets[i] = 0;
            }
            switch (instruction.kind()) {
                case LOAD -> load(plan, registers, i, instruction.input(), start, length);
                case CONSTANT -> { }
                case UNARY -> unary(instruction, registers, i, length);
                case BINARY -> binary(plan, instruction, registers, i, length);
                case WHERE -> where(instruction, registers, i, length);
            }
        }
        storeResult(plan, registers, last, start, length);
    }

    /** Gathers the chunk's strided inputs, runs the generated kernel, then stores the result. */
    private void runFusedChunk(Plan plan, Scratch registers, int start, int length) {
        List<Instruction> instructions = plan.program.instructions();
        for (int i = 0; i < instructions.size(); i++) {
            Instruction instruction = instructions.get(i);
            if (instruction.kind() == ElementwiseProgram.Kind.LOAD) {
                if (plan.buffer[i] >= 0) {
                    registers.arrays[i] = registers.buffers[plan.buffer[i]];
                    registers.offsets[i] = 0;
                }
                load(plan, registers, i, instruction.input(), start, length);
            }
        }
        if (plan.outputIsRun) {
            plan.fused.run(registers.arrays, registers.offsets, plan.fusedScalars,
                    plan.output.array(), plan.layouts.offsets()[0] + start, length);
            return;
        }
        Object result = registers.buffers[plan.bufferCount - 1];
        plan.fused.run(registers.arrays, registers.offsets, plan.fusedScalars, result, 0, length);
        int last = instructions.size() - 1;
        registers.arrays[last] = result;
        registers.offsets[last] = 0;
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
            StridedCopy.copyRange(plan.layouts.shape(), plan.inputs[input].array(),
                    plan.layouts.offsets()[operand], plan.layouts.strides()[operand],
                    registers.arrays[register], -start, plan.rowMajorStrides,
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

    private void binary(Plan plan, Instruction instruction, Scratch registers, int target, int length) {
        int a = plan.scalarLeft[target];
        int b = instruction.b();
        if (a >= 0) {
            double right = plan.scalarRight[target];
            BinaryOp op = plan.scalarOp[target];
            if (registers.arrays[a] instanceof float[] left) {
                kernels.binaryScalar(op, left, registers.offsets[a], (float) right,
                        (float[]) registers.arrays[target], registers.offsets[target], length);
            } else {
                kernels.binaryScalar(op, (double[]) registers.arrays[a], registers.offsets[a], right,
                        (double[]) registers.arrays[target], registers.offsets[target], length);
            }
            return;
        }
        a = instruction.a();
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

    /** Access mode of a LOAD: how it reads its input for a chunk. */
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
        /** Scratch buffer each register writes, or -1 when it reads memory in place. */
        final int[] buffer;
        final int bufferCount;
        /** For a binary step with one constant operand: the array operand, else -1. */
        final int[] scalarLeft;
        final double[] scalarRight;
        final BinaryOp[] scalarOp;
        /** Generated kernel for the whole program, or null to interpret it. */
        final FusedKernel fused;
        /** The generated kernel's constants and broadcast input values, by register. */
        final double[] fusedScalars;
        /**
         * Whether one kernel call may cover a run of chunks. It may when nothing is gathered, the
         * output is a run and CHUNK is a multiple of the lane count. Then vectors and tails fall
         * exactly where one call per chunk puts them.
         */
        final boolean fusedSpansChunks;

        private Plan(ElementwiseProgram program, CpuBuffer output, CpuBuffer[] inputs,
                     CollapsedLayouts layouts, InputMode[] inputModes, boolean outputIsRun, FusedKernel fused) {
            this.program = program;
            this.output = output;
            this.inputs = inputs;
            this.layouts = layouts;
            this.inputModes = inputModes;
            this.outputIsRun = outputIsRun;
            this.rowMajorStrides = Layout.rowMajorStrides(layouts.shape());
            int count = program.instructions().size();
            this.scalarLeft = new int[count];
            this.scalarRight = new double[count];
            this.scalarOp = new BinaryOp[count];
            planScalarOperands(program.instructions());
            this.buffer = new int[count];
            this.fused = fused;
            this.fusedScalars = fused == null ? null : fusedScalars(program.instructions());
            this.fusedSpansChunks = fused != null && outputIsRun && CHUNK % fused.laneCount() == 0
                    && !Arrays.asList(inputModes).contains(InputMode.GATHER);
            this.bufferCount = fused == null ? assignBuffers(program.instructions())
                    : assignFusedBuffers(program.instructions());
        }

        /**
         * Gives each gathered input its own buffer, since a generated kernel reads them all in
         * one loop, and one more buffer, the last, for the result.
         */
        private int assignFusedBuffers(List<Instruction> instructions) {
            int buffers = 0;
            for (int i = 0; i < instructions.size(); i++) {
                Instruction instruction = instructions.get(i);
                boolean gathered = instruction.kind() == ElementwiseProgram.Kind.LOAD
                        && inputModes[instruction.input()] == InputMode.GATHER;
                buffer[i] = gathered ? buffers++ : -1;
            }
            return buffers + 1;
        }

        private double[] fusedScalars(List<Instruction> instructions) {
            double[] scalars = new double[instructions.size()];
            for (int i = 0; i < scalars.length; i++) {
                Instruction instruction = instructions.get(i);
                if (instruction.kind() == ElementwiseProgram.Kind.CONSTANT) {
                    scalars[i] = instruction.constant();
                } else if (instruction.kind() == ElementwiseProgram.Kind.LOAD
                        && inputModes[instruction.input()] == InputMode.BROADCAST) {
                    int input = instruction.input();
                    scalars[i] = CpuBackend.read(inputs[input].array(), layouts.offsets()[input + 1]);
                }
            }
            return scalars;
        }

        /** Marks binary steps whose one operand is a constant, so they run without its register. */
        private void planScalarOperands(List<Instruction> instructions) {
            for (int i = 0; i < instructions.size(); i++) {
                scalarLeft[i] = -1;
                Instruction instruction = instructions.get(i);
                if (instruction.kind() != ElementwiseProgram.Kind.BINARY) {
                    continue;
                }
                Instruction left = instructions.get(instruction.a());
                Instruction right = instructions.get(instruction.b());
                if (right.kind() == ElementwiseProgram.Kind.CONSTANT) {
                    scalarLeft[i] = instruction.a();
                    scalarRight[i] = right.constant();
                    scalarOp[i] = instruction.binary();
                } else if (left.kind() == ElementwiseProgram.Kind.CONSTANT && swapped(instruction.binary()) != null) {
                    scalarLeft[i] = instruction.b();
                    scalarRight[i] = left.constant();
                    scalarOp[i] = swapped(instruction.binary());
                }
            }
        }

        /** Returns the operator that gives the same result with its operands exchanged, or null. */
        private static BinaryOp swapped(BinaryOp op) {
            return switch (op) {
                case ADD, MUL, MAXIMUM, MINIMUM, EQ, NE -> op;
                case GT -> BinaryOp.LT;
                case LT -> BinaryOp.GT;
                case GE -> BinaryOp.LE;
                case LE -> BinaryOp.GE;
                default -> null;
            };
        }

        /**
         * Gives every register that needs scratch memory a buffer, reusing a buffer once the
         * last step that reads it is done. A step may write the buffer of an operand it is the
         * last reader of, since every kernel reads element i before writing element i.
         */
        private int assignBuffers(List<Instruction> instructions) {
            int count = instructions.size();
            int[] lastUse = new int[count];
            java.util.Arrays.fill(lastUse, -1);
            for (int i = 0; i < count; i++) {
                for (int operand : operandsReadAsArrays(instructions.get(i), i)) {
                    lastUse[operand] = i;
                }
            }
            // The result is read after every step, when it is stored, so a constant result
            // such as the one fill evaluates needs its buffer too.
            lastUse[count - 1] = count;
            java.util.ArrayDeque<Integer> free = new java.util.ArrayDeque<>();
            int buffers = 0;
            for (int i = 0; i < count; i++) {
                Instruction instruction = instructions.get(i);
                for (int operand : operandsReadAsArrays(instruction, i)) {
                    if (lastUse[operand] == i && buffer[operand] >= 0 && isPooled(instructions.get(operand))) {
                        free.push(buffer[operand]);
                        lastUse[operand] = -2;
                    }
                }
                if (!needsBuffer(instruction, i, lastUse)) {
                    buffer[i] = -1;
                } else if (isPooled(instruction) && !free.isEmpty()) {
                    buffer[i] = free.pop();
                } else {
                    buffer[i] = buffers++;
                }
            }
            return buffers;
        }

        private int[] operandsReadAsArrays(Instruction instruction, int index) {
            return switch (instruction.kind()) {
                case UNARY -> new int[] {instruction.a()};
                case BINARY -> scalarLeft[index] >= 0 ? new int[] {scalarLeft[index]}
                        : new int[] {instruction.a(), instruction.b()};
                case WHERE -> new int[] {instruction.a(), instruction.b(), instruction.c()};
                case LOAD, CONSTANT -> new int[0];
            };
        }

        private boolean needsBuffer(Instruction instruction, int index, int[] lastUse) {
            return switch (instruction.kind()) {
                // A constant needs its buffer when an array-path step reads it or it is the result itself.
                case CONSTANT -> lastUse[index] >= 0 || index == lastUse.length - 1;
                case LOAD -> inputModes[instruction.input()] != InputMode.RUN;
                case UNARY, BINARY, WHERE -> true;
            };
        }

        /** Constants and broadcast inputs keep their buffer, filled once; other buffers are reused. */
        private boolean isPooled(Instruction instruction) {
            return instruction.kind() != ElementwiseProgram.Kind.CONSTANT
                    && !(instruction.kind() == ElementwiseProgram.Kind.LOAD
                    && inputModes[instruction.input()] == InputMode.BROADCAST);
        }

        static Plan of(ElementwiseProgram program, CpuBuffer output, Layout outputLayout,
                       CpuBuffer[] inputs, Layout[] inputLayouts, boolean generatedKernels) {
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
            FusedKernel fused = generatedKernels ? FusedKernels.lookup(program, accesses(modes)) : null;
            return new Plan(program, output, inputs, layouts, modes, layouts.isRun(0), fused);
        }

        private static InputAccess[] accesses(InputMode[] modes) {
            InputAccess[] accesses = new InputAccess[modes.length];
            for (int input = 0; input < modes.length; input++) {
                accesses[input] = modes[input] == InputMode.BROADCAST ? InputAccess.BROADCAST : InputAccess.ARRAY;
            }
            return accesses;
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

    /** One worker's scratch buffers plus the array and offset each register reads now. */
    private static final class Scratch {
        Object[] buffers = new Object[0];
        Object[] arrays = new Object[0];
        int[] offsets = new int[0];
        DataType bufferType;

        void prepare(Plan plan) {
            List<Instruction> instructions = plan.program.instructions();
            int count = instructions.size();
            DataType type = plan.program.dataType();
            if (buffers.length < plan.bufferCount || bufferType != type) {
                buffers = new Object[Math.max(plan.bufferCount, buffers.length)];
                for (int i = 0; i < buffers.length; i++) {
                    buffers[i] = type == DataType.FLOAT32 ? new float[CHUNK] : new double[CHUNK];
                }
                bufferType = type;
            }
            if (arrays.length < count) {
                arrays = new Object[count];
                offsets = new int[count];
            }
            for (int i = 0; i < count; i++) {
                Instruction instruction = instructions.get(i);
                if (plan.buffer[i] < 0) {
                    continue;
                }
                if (instruction.kind() == ElementwiseProgram.Kind.CONSTANT) {
                    fill(buffers[plan.buffer[i]], instruction.constant());
                } else if (instruction.kind() == ElementwiseProgram.Kind.LOAD
                        && plan.inputModes[instruction.input()] == InputMode.BROADCAST) {
                    int operand = instruction.input() + 1;
                    fill(buffers[plan.buffer[i]], CpuBackend.read(plan.inputs[instruction.input()].array(),
                            plan.layouts.offsets()[operand]));
                }
            }
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
