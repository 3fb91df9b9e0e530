package org.cortexj.data.idx;

import java.util.Optional;
import java.util.StringJoiner;

/**
 * Element type of an IDX file, stored in the third byte of the magic number.
 *
 * <p>All multi-byte types are big-endian in the file.
 */
public enum IdxType {
    UNSIGNED_BYTE(0x08, 1, "unsigned byte"),
    SIGNED_BYTE(0x09, 1, "signed byte"),
    SHORT(0x0B, 2, "short"),
    INT(0x0C, 4, "int"),
    FLOAT(0x0D, 4, "float"),
    DOUBLE(0x0E, 8, "double");

    private final int code;
    private final int byteSize;
    private final String displayName;

    IdxType(int code, int byteSize, String displayName) {
        this.code = code;
        this.byteSize = byteSize;
        this.displayName = displayName;
    }

    /** Type code as stored in the magic number, such as {@code 0x08}. */
    public int code() {
        return code;
    }

    /** Size of one element in bytes. */
    public int byteSize() {
        return byteSize;
    }

    /** Returns the type with this code, or empty if the IDX format defines none. */
    public static Optional<IdxType> fromCode(int code) {
        for (IdxType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Lists every known code with its name, for error messages. */
    static String describeKnownCodes() {
        StringJoiner joiner = new StringJoiner(", ");
        for (IdxType type : values()) {
            joiner.add(String.format("0x%02x (%s)", type.code, type.displayName));
        }
        return joiner.toString();
    }

    /** Returns a readable name such as {@code unsigned byte}. */
    @Override
    public String toString() {
        return displayName;
    }
}
