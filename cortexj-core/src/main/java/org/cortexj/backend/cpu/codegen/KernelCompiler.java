package org.cortexj.backend.cpu.codegen;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Turns a cache key into a running kernel: writes the class file and defines it as a hidden
 * class in this package. A hidden class is not registered by name with its class loader, so
 * the JVM can unload it once the cache drops the kernel.
 */
final class KernelCompiler {

    private KernelCompiler() {
    }

    /**
     * Generates, defines and instantiates the kernel for {@code key}.
     *
     * @throws UnsupportedProgramException if the program is too large for one method
     * @throws IllegalStateException if the JVM rejects the generated class
     */
    static FusedKernel compile(KernelKey key) {
        int laneCount = KernelSpecies.lanes(LaneType.of(key.dataType()));
        byte[] classFile = KernelClassGenerator.generate(key, laneCount);
        try {
            MethodHandles.Lookup kernelClass = MethodHandles.lookup().defineHiddenClass(classFile, true);
            return (FusedKernel) kernelClass.findConstructor(kernelClass.lookupClass(),
                    MethodType.methodType(void.class)).invoke();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("fused kernel: the JVM rejected the class generated for "
                    + key.structure().size() + " instructions: " + e, e);
        } catch (Error e) {
            throw e;
        } catch (Throwable e) {
            // The constructor declares no exceptions, so this is only reachable through a JVM fault.
            throw new IllegalStateException("fused kernel: creating the generated kernel failed: " + e, e);
        }
    }
}
