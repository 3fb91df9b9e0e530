package org.cortexj.conformance;

import org.cortexj.conformance.handlers.ActivationHandler;
import org.cortexj.conformance.handlers.AlphaDropoutConstantsHandler;
import org.cortexj.conformance.handlers.BatchNormHandler;
import org.cortexj.conformance.handlers.Conv2dHandler;
import org.cortexj.conformance.handlers.DropoutHandler;
import org.cortexj.conformance.handlers.ElementwiseHandler;
import org.cortexj.conformance.handlers.OptimizerHandler;
import org.cortexj.conformance.handlers.PoolingHandler;
import org.cortexj.conformance.handlers.SeedNetworkHandler;
import org.cortexj.conformance.handlers.SoftmaxLossHandler;
import org.cortexj.conformance.handlers.MatmulHandler;
import org.cortexj.conformance.handlers.ReductionHandler;

/**
 * The handlers that {@code cortexj check-reference} uses. Each handler is registered here with the
 * op names it implements; ops without a handler are reported as not implemented yet.
 */
public final class BuiltInHandlers {

    private BuiltInHandlers() {
    }

    /** A new registry with every built-in handler. */
    public static HandlerRegistry registry() {
        HandlerRegistry registry = new HandlerRegistry();
        registry.register(new ElementwiseHandler(), ElementwiseHandler.UNARY);
        registry.register(new ElementwiseHandler(), ElementwiseHandler.BINARY);
        registry.register(new ElementwiseHandler(), "where");
        registry.register(new ReductionHandler(), ReductionHandler.OPS);
        registry.register(new MatmulHandler(), "matmul", "batched_matmul", "linear");
        registry.register(new ActivationHandler(), ActivationHandler.OPS);
        registry.register(new SoftmaxLossHandler(), SoftmaxLossHandler.OPS);
        registry.register(new OptimizerHandler(), OptimizerHandler.OPS);
        registry.register(new SeedNetworkHandler(), "seednet_selu");
        registry.register(new Conv2dHandler(), "conv2d");
        registry.register(new PoolingHandler(), PoolingHandler.OPS);
        registry.register(new BatchNormHandler(), "batchnorm");
        registry.register(new DropoutHandler(), DropoutHandler.OPS);
        registry.register(new AlphaDropoutConstantsHandler(), "alpha_dropout_constants");
        return registry;
    }
}
