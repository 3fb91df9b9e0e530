package org.cortexj.loss;

import java.util.List;
import org.cortexj.tensor.Tensor;

/**
 * A regularization term computed from a model's weights and added to the data loss, such as
 * {@link L1Penalty} or {@link L2Penalty}.
 *
 * <pre>{@code
 * List<Tensor> weights = model.parameters().stream().map(Parameter::value).toList();
 * Tensor total = loss.forward(logits, labels).add(penalty.compute(weights));
 * }</pre>
 */
public interface WeightPenalty {

    /**
     * Computes the penalty over all elements of all {@code tensors}, as a rank-0 tensor of
     * their data type (float32 when the list is empty).
     *
     * @throws IllegalArgumentException if a tensor is not float or the tensors' types differ
     */
    Tensor compute(List<Tensor> tensors);
}
