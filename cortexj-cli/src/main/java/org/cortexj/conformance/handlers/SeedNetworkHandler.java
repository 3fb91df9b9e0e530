package org.cortexj.conformance.handlers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cortexj.autograd.GradMode;
import org.cortexj.conformance.CaseChecker;
import org.cortexj.conformance.CaseHandler;
import org.cortexj.conformance.CaseResult;
import org.cortexj.conformance.Precision;
import org.cortexj.conformance.ReferenceCase;
import org.cortexj.conformance.ReferenceTensor;
import org.cortexj.loss.CrossEntropyLoss;
import org.cortexj.nn.Module;
import org.cortexj.nn.Network;
import org.cortexj.nn.Parameter;
import org.cortexj.nn.description.NetworkDescription;
import org.cortexj.nn.description.NetworkFactory;
import org.cortexj.nn.layers.Dropout;
import org.cortexj.optim.Adam;
import org.cortexj.optim.Optimizer;
import org.cortexj.optim.SGD;
import org.cortexj.tensor.Generator;
import org.cortexj.tensor.Tensor;

/**
 * The end-to-end seed network (seednet_selu): the built-in network with the case's generated
 * weights, one forward and backward pass on its batch, every parameter gradient, the
 * intermediates a (flattened features), z1 (fc1 output) and dz1, and the loss after one Adam
 * and one SGD step. Dropout is off in evaluation cases and uses the case's explicit mask
 * otherwise.
 */
public final class SeedNetworkHandler implements CaseHandler {

    private static final Pattern DROP_PROBABILITY = Pattern.compile("dropout\\(p=([0-9.]+)\\)");

    @Override
    public boolean supports(ReferenceCase referenceCase) {
        return true;
    }

    @Override
    public CaseResult run(ReferenceCase referenceCase, Precision precision) {
        Network network = NetworkFactory.build(NetworkDescription.seedNetwork("selu"), new Generator(0),
                new Generator(0), precision.dataType());
        loadWeights(referenceCase, precision, network);
        Tensor x = Gradients.leaf(referenceCase, "x", precision);
        Tensor labels = referenceCase.inputs().get("labels").toTensor(precision);
        Tensor mask = referenceCase.inputs().find("dropout_mask").map(m -> m.toTensor(precision)).orElse(null);
        double p = dropProbability(referenceCase);

        Pass pass = forward(network, x, labels, mask, p);
        CaseChecker checker = CaseChecker.forCase(referenceCase, precision);
        checker.output("y", pass.loss).output("logits", pass.logits);
        compareScalar(referenceCase, checker, "loss", pass.loss.item());
        checker.intermediate("a", pass.features).intermediate("z1", pass.z1);

        pass.loss.backward();
        checker.intermediate("dz1", pass.z1Leaf.grad());
        pass.z1.backward(pass.z1Leaf.grad());
        checker.grad("x", x.grad());
        for (Map.Entry<String, Parameter> entry : network.namedParameters().entrySet()) {
            compareGradient(referenceCase, checker, entry.getKey(), entry.getValue().grad());
        }
        lossAfterStep(referenceCase, precision, checker, "loss_after_one_adam_step_lr1e-3",
                built -> Adam.builder().learningRate(1e-3).build(built), x, labels, mask, p);
        lossAfterStep(referenceCase, precision, checker, "loss_after_one_sgd_step_lr0.1",
                built -> SGD.builder(0.1).build(built), x, labels, mask, p);
        return checker.result();
    }

    /** One forward pass, cut at z1 so that dz1 can be read. */
    private record Pass(Tensor features, Tensor z1, Tensor z1Leaf, Tensor logits, Tensor loss) {
    }

    private static Pass forward(Network network, Tensor x, Tensor labels, Tensor mask, double p) {
        List<Map.Entry<String, Module>> layers = new ArrayList<>(network.children().entrySet());
        Tensor h = x;
        int index = 0;
        while (!layers.get(index).getKey().equals("fc1")) {
            h = layers.get(index).getValue().forward(h);
            index++;
        }
        Tensor features = h.flatten(1, h.rank() - 1);
        Tensor z1 = network.children().get("fc1").forward(features);
        Tensor z1Leaf = z1.detach().setRequiresGrad(true);
        Tensor dropped = mask == null ? z1Leaf : Dropout.apply(z1Leaf, mask, p);
        Tensor logits = network.children().get("fc2").forward(dropped);
        Tensor loss = new CrossEntropyLoss().forward(logits, labels);
        return new Pass(features, z1, z1Leaf, logits, loss);
    }

    private interface OptimizerFactory {
        Optimizer create(Network network);
    }

    /** Takes one optimizer step from the case's weights with the same gradients, then recomputes the loss. */
    private static void lossAfterStep(ReferenceCase referenceCase, Precision precision, CaseChecker checker,
                                      String output, OptimizerFactory factory, Tensor x, Tensor labels, Tensor mask,
                                      double p) {
        if (!referenceCase.outputs().contains(output)) {
            return;
        }
        Network network = NetworkFactory.build(NetworkDescription.seedNetwork("selu"), new Generator(0),
                new Generator(0), precision.dataType());
        loadWeights(referenceCase, precision, network);
        Optimizer optimizer = factory.create(network);
        Tensor input = x.detach();
        Pass pass = forward(network, input, labels, mask, p);
        pass.loss.backward();
        pass.z1.backward(pass.z1Leaf.grad());
        optimizer.step();
        double loss;
        try (GradMode.Scope ignored = GradMode.disable()) {
            loss = forward(network, input, labels, mask, p).loss.item();
        }
        compareScalar(referenceCase, checker, output, loss);
    }

    private static void loadWeights(ReferenceCase referenceCase, Precision precision, Network network) {
        try (GradMode.Scope ignored = GradMode.disable()) {
            for (Map.Entry<String, Parameter> entry : network.namedParameters().entrySet()) {
                ReferenceTensor stored = referenceCase.params().get(entry.getKey());
                double[] values = stored.hasData() ? stored.data() : stored.generatedData();
                Tensor value = Tensor.of(values, stored.shape()).toType(precision.dataType());
                entry.getValue().value().assign(value);
            }
        }
        network.eval();
    }

    private static void compareGradient(ReferenceCase referenceCase, CaseChecker checker, String name, Tensor grad) {
        ReferenceTensor expected = referenceCase.grads().get(name);
        if (expected.hasData()) {
            checker.grad(name, grad);
            return;
        }
        // A gradient too large to store is given as samples, row and column sums and its norm.
        double[] values = grad.toDoubleArray();
        int rows = grad.dim(0);
        int columns = grad.dim(1);
        ReferenceTensor indices = expected.extraTensor("sample_flat_index");
        double[] samples = new double[indices.size()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = values[(int) indices.get(i)];
        }
        ReferenceTensor sampleValues = expected.extraTensor("sample_values");
        checker.compare(name + " samples", sampleValues, sampleValues.shape(), samples);
        double[] rowSums = new double[rows];
        double[] columnSums = new double[columns];
        double squares = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double v = values[r * columns + c];
                rowSums[r] += v;
                columnSums[c] += v;
                squares += v * v;
            }
        }
        ReferenceTensor expectedRows = expected.extraTensor("row_sums");
        ReferenceTensor expectedColumns = expected.extraTensor("col_sums");
        checker.compare(name + " row sums", expectedRows, expectedRows.shape(), rowSums);
        checker.compare(name + " column sums", expectedColumns, expectedColumns.shape(), columnSums);
        checker.compare(name + " frobenius norm", ReferenceTensor.scalar(expected.extraDouble("frobenius_norm")),
                new int[0], new double[] {Math.sqrt(squares)});
    }

    private static void compareScalar(ReferenceCase referenceCase, CaseChecker checker, String name, double value) {
        if (referenceCase.outputs().contains(name)) {
            ReferenceTensor expected = referenceCase.outputs().get(name);
            checker.compare(name, expected, expected.shape(), new double[] {value});
        }
    }

    private static double dropProbability(ReferenceCase referenceCase) {
        String text = referenceCase.attrs().string("architecture", "") + " " + referenceCase.attrs().string("dropout", "");
        Matcher matcher = DROP_PROBABILITY.matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0.4;
    }
}
