package org.cortexj.data.mnist;

/** Training or test part of an MNIST-style dataset, with the file name prefix the standard files use. */
public enum Split {
    TRAIN("train"),
    TEST("t10k");

    private final String filePrefix;

    Split(String filePrefix) {
        this.filePrefix = filePrefix;
    }

    /** Prefix of the standard file names, {@code train} or {@code t10k}. */
    public String filePrefix() {
        return filePrefix;
    }

    /** Standard name of the raw images file, such as {@code train-images-idx3-ubyte}. */
    public String imagesFileName() {
        return filePrefix + "-images-idx3-ubyte";
    }

    /** Standard name of the raw labels file, such as {@code train-labels-idx1-ubyte}. */
    public String labelsFileName() {
        return filePrefix + "-labels-idx1-ubyte";
    }
}
