package org.cortexj.backend.cpu.reduce;

/**
 * Program that {@link KernelProviderTest} runs in a JVM started without the Vector API
 * module: it reduces one row through the public entry point and prints the result and the
 * kernels in use.
 */
public final class ScalarPathProbe {

    private ScalarPathProbe() {
    }

    public static void main(String[] args) {
        float[] input = {1, 2, 3, 4};
        float[] sum = new float[1];
        int[] argmax = new int[1];
        RowReductions.sum(input, 0, 1, 4, sum, 0);
        RowReductions.argmax(input, 0, 1, 4, argmax, 0);
        System.out.println("sum=" + sum[0] + " argmax=" + argmax[0]);
        System.out.println("implementation=" + RowReductions.implementation());
    }
}
