package org.cortexj.data.mnist;

import java.io.IOException;

/**
 * Thrown when a dataset cannot be downloaded or verified. The message names what failed and
 * gives the command to run by hand.
 */
public class DatasetFetchException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatasetFetchException(String message) {
        super(message);
    }

    public DatasetFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
