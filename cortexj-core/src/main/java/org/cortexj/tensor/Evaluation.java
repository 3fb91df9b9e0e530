package org.cortexj.tensor;

import org.cortexj.backend.Layout;

/** Runs a tensor's expression tree, or copies a realized tensor, into a target view. */
final class Evaluation {

    private Evaluation() {
    }

    /**
     * Evaluates {@code source} broadcast to {@code targetShape} into {@code target} viewed
     * through {@code targetLayout}.
     */
    static void evaluate(Tensor source, Storage target, Layout targetLayout, Shape targetShape) {
        ExpressionCompiler.Compiled compiled = ExpressionCompiler.compile(source, targetShape);
        source.backend().evaluate(compiled.program(), target.buffer(), targetLayout,
                compiled.inputs(), compiled.inputLayouts());
    }

    /** Whether evaluating {@code source} reads {@code target} through a layout other than {@code targetLayout}. */
    static boolean readsOverlapping(Tensor source, Storage target, Layout targetLayout, Shape targetShape) {
        ExpressionCompiler.Compiled compiled = ExpressionCompiler.compile(source, targetShape);
        for (int i = 0; i < compiled.storages().size(); i++) {
            if (compiled.storages().get(i) == target && !compiled.inputLayouts()[i].equals(targetLayout)) {
                return true;
            }
        }
        return false;
    }
}
