package org.cortexj.conformance;

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
        // Register handlers here, for example:
        // registry.register(new ActivationHandler(), "relu", "selu", "sigmoid");
        return registry;
    }
}
