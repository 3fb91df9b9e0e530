package org.cortexj.autograd;

/**
 * Per-thread switch that decides whether tensor operations record the graph that
 * {@link Backpropagation} walks. Recording is on by default.
 *
 * <pre>{@code
 * try (GradMode.Scope ignored = GradMode.disable()) {
 *     Tensor logits = network.forward(images);   // no graph, no saved inputs
 * }
 * }</pre>
 */
public final class GradMode {

    private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> Boolean.TRUE);

    private GradMode() {
    }

    public static boolean isEnabled() {
        return ENABLED.get();
    }

    /** Turns recording off on this thread until the returned scope closes. */
    public static Scope disable() {
        return set(false);
    }

    /** Turns recording on on this thread until the returned scope closes. */
    public static Scope enable() {
        return set(true);
    }

    private static Scope set(boolean enabled) {
        boolean previous = ENABLED.get();
        ENABLED.set(enabled);
        return new Scope(previous);
    }

    /** Restores the previous mode when closed; close it on the thread that opened it. */
    public static final class Scope implements AutoCloseable {
        private final boolean previous;

        private Scope(boolean previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            ENABLED.set(previous);
        }
    }
}
