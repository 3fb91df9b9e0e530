package org.cortexj.tensor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cortexj.backend.Buffer;
import org.cortexj.backend.ElementwiseProgram;
import org.cortexj.backend.ElementwiseProgram.Instruction;
import org.cortexj.backend.Layout;

/**
 * Turns the tree of a lazy tensor into an {@link ElementwiseProgram} over a target shape.
 * Realized tensors become {@code LOAD} inputs, broadcast to the target shape; a subtree used
 * twice is compiled once.
 */
final class ExpressionCompiler {

    private final Shape target;
    private final List<Instruction> instructions = new ArrayList<>();
    private final Map<Tensor, Integer> registers = new IdentityHashMap<>();
    private final List<Buffer> inputs = new ArrayList<>();
    private final List<Layout> inputLayouts = new ArrayList<>();
    private final List<Storage> inputStorages = new ArrayList<>();

    private ExpressionCompiler(Shape target) {
        this.target = target;
    }

    /** A compiled program with the buffers and broadcast layouts of its inputs. */
    record Compiled(ElementwiseProgram program, Buffer[] inputs, Layout[] inputLayouts, List<Storage> storages) {
    }

    static Compiled compile(Tensor root, Shape target) {
        ExpressionCompiler compiler = new ExpressionCompiler(target);
        compiler.visit(root);
        ElementwiseProgram program = new ElementwiseProgram(root.dataType(), compiler.instructions,
                compiler.inputs.size());
        return new Compiled(program, compiler.inputs.toArray(Buffer[]::new),
                compiler.inputLayouts.toArray(Layout[]::new), compiler.inputStorages);
    }

    private int visit(Tensor tensor) {
        Integer known = registers.get(tensor);
        if (known != null) {
            return known;
        }
        Expression expression = tensor.pendingExpression();
        int register = expression == null ? load(tensor) : emit(expression);
        registers.put(tensor, register);
        return register;
    }

    private int load(Tensor tensor) {
        Layout layout = Movement.broadcastLayout(tensor.layout(), tensor.shape(), target);
        Storage storage = tensor.storage();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputStorages.get(i) == storage && inputLayouts.get(i).equals(layout)) {
                return append(Instruction.load(i));
            }
        }
        inputs.add(storage.buffer());
        inputLayouts.add(layout);
        inputStorages.add(storage);
        return append(Instruction.load(inputs.size() - 1));
    }

    private int emit(Expression expression) {
        return switch (expression.kind) {
            case CONSTANT -> append(Instruction.constant(expression.constant));
            case CAST -> load(expression.operands[0]);
            case UNARY -> {
                int a = visit(expression.operands[0]);
                yield append(Instruction.unary(expression.unary, a));
            }
            case BINARY -> {
                int a = visit(expression.operands[0]);
                int b = visit(expression.operands[1]);
                yield append(Instruction.binary(expression.binary, a, b));
            }
            case WHERE -> {
                int c = visit(expression.operands[0]);
                int a = visit(expression.operands[1]);
                int b = visit(expression.operands[2]);
                yield append(Instruction.where(c, a, b));
            }
        };
    }

    private int append(Instruction instruction) {
        instructions.add(instruction);
        return instructions.size() - 1;
    }
}
