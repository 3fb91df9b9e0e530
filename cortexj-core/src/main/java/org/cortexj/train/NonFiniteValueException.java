package org.cortexj.train;

/** A loss or gradient became NaN or infinite; the message names where it first appeared. */
public final class NonFiniteValueException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public NonFiniteValueException(String message) {
        super(message);
    }
}
