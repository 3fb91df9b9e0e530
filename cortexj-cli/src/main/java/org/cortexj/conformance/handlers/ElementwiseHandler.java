package org.cortexj.conformance.handlers;

import java.util.Locale;
import java.util.Map;
import org.cortexj.backend.BinaryOp;
import org.cortexj.backend.UnaryOp;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.tensor.Tensor;

/**
 * Unary math, broadcasting binary operators, comparisons and {@code where}, run through
 * {@link Tensor}'s elementwise methods.
 */
public final class ElementwiseHandler implements CaseHandler {

    /** Unary op names as the reference files spell them. */
    public static final String[] UNARY = {"neg", "abs", "exp", "expm1", "log", "log1p", "sqrt", "rsqrt", "square",
        "reciprocal", "sign", "floor", "ceil", "round", "erf"};

    /** Binary op names as the reference files spell them. */
    public static final String[] BINARY = {"add", "sub", "mul", "div", "pow", "maximum", "minimum",
        "gt", "ge", "lt", "le", "eq", "ne"};

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        return true;
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        String op = referenceCase.op();
        CaseChecker checker = CaseChecker.forCase(referenceCase, precision);
        if (op.equals("where")) {
            return runWhere(referenceCase, precision, checker);
        }
        if (referenceCase.inputs().contains("b")) {
            Tensor a = Gradients.leaf(referenceCase, "a", precision);
            Tensor b = Gradients.leaf(referenceCase, "b", precision);
            Tensor y = a.apply(BinaryOp.valueOf(op.toUpperCase(Locale.ROOT)), b);
            checker.output("y", y);
            Gradients.checkGradients(referenceCase, precision, y, Map.of("a", a, "b", b), checker);
            return checker.result();
        }
        Tensor x = Gradients.leaf(referenceCase, "x", precision);
        Tensor y = x.apply(UnaryOp.valueOf(op.toUpperCase(Locale.ROOT)));
        checker.output("y", y);
        Gradients.checkGradients(referenceCase, precision, y, Map.of("x", x), checker);
        return checker.result();
    }

    private static CaseResult runWhere(ReferenceCase referenceCase, Precision precision, CaseChecker checker) {
        Tensor condition = referenceCase.inputs().get("cond").toTensor(precision);
        Tensor a = Gradients.leaf(referenceCase, "a", precision);
        Tensor b = Gradients.leaf(referenceCase, "b", precision);
        Tensor y = Tensor.where(condition, a, b);
        checker.output("y", y);
        Gradients.checkGradients(referenceCase, precision, y, Map.of("a", a, "b", b), checker);
        return checker.result();
    }
}
