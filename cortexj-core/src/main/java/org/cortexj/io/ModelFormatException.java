package org.cortexj.io;

import java.io.IOException;

/** A model file that is not a valid cortexj model file; the message names the file and the fix. */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }
}
