package org.cortexj.data.idx;

import java.io.IOException;

/**
 * Thrown when IDX data is invalid: a bad magic number, type code, rank or dimension, a size over
 * a limit, truncated or trailing data, or an images and labels pair that does not match.
 *
 * <p>The message names the file, the field, its value and the limit or expected value.
 */
public class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public IdxFormatException(String message) {
        super(message);
    }

    public IdxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
