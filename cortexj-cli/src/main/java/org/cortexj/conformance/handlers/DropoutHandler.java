package org.cortexj.conformance.handlers;

import java.util.Map;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.nn.layers.AlphaDropout;
import org.cortexj.nn.layers.Dropout;
import org.cortexj.tensor.Tensor;

/**
 * dropout_masked and alpha_dropout_masked: dropout with the case's explicit {@code mask} (1 keeps
 * an element) and drop probability attribute {@code p}, through {@link Dropout#apply} and
 * {@link AlphaDropout#apply}. Compares output {@code y} and the gradient of x.
 *
 * <p>An alpha dropout case whose attributes give SELU constants or correction constants
 * ({@code lambda}, {@code alpha}, {@code alpha_prime}, {@code a}, {@code b}) other than the
 * library's is not supported and is reported as skipped (see {@link AlphaDropoutConstantsHandler}).
 */
public final class DropoutHandler implements CaseHandler {

    /** Op names as the reference files spell them. */
    public static final String[] OPS = {"dropout_masked", "alpha_dropout_masked"};

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        if (referenceCase.op().equals("alpha_dropout_masked")) {
            return AlphaDropoutConstantsHandler.matchesLibraryConstants(referenceCase.attrs());
        }
        return true;
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        Tensor x = Gradients.leaf(referenceCase, "x", precision);
        Tensor mask = referenceCase.inputs().get("mask").toTensor(precision);
        double p = referenceCase.attrs().doubleValue("p");
        Tensor y = referenceCase.op().equals("alpha_dropout_masked")
                ? AlphaDropout.apply(x, mask, p)
                : Dropout.apply(x, mask, p);

        CaseChecker checker = CaseChecker.forCase(referenceCase, precision).output("y", y);
        Gradients.checkGradients(referenceCase, precision, y, Map.of("x", x), checker);
        return checker.result();
    }
}
