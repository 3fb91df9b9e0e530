package org.cortexj.tensor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.cortexj.backend.Backend;

/**
 * A backend that forwards every call to another and counts the strided copies requested from
 * it. It is a dynamic proxy, so it keeps working when the interface gains methods.
 */
final class CopyCountingBackend {

    private final AtomicInteger copies = new AtomicInteger();
    private final Backend backend;

    CopyCountingBackend(Backend delegate) {
        this.backend = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(),
                new Class<?>[] {Backend.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("copy")) {
                        copies.incrementAndGet();
                    }
                    try {
                        return method.invoke(delegate, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Returns the counting backend, to install with {@link DefaultBackend#set}. */
    Backend backend() {
        return backend;
    }

    int copies() {
        return copies.get();
    }
}
