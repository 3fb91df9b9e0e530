package org.cortexj.conformance;

/**
 * Thrown when a reference vector file, or a value inside it, does not follow the format: invalid
 * JSON, a missing member, a value of the wrong type, or data whose length does not match the shape.
 *
 * <p>The message names the location (file, then the JSON path such as
 * {@code cases[3].inputs.x.data[5]}) and the rule broken.
 */
public class ReferenceFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReferenceFormatException(String message) {
        super(message);
    }

    public ReferenceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
