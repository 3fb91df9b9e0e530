package org.cortexj.data.mnist;

/**
 * One member of a tar archive.
 *
 * @param name path inside the archive, after any pax or GNU long-name override
 * @param typeFlag tar type flag, such as {@code '0'} for a regular file or {@code '2'} for a symbolic link
 * @param size content size in bytes
 */
record TarEntry(String name, char typeFlag, long size) {

    /** Returns whether the entry is a regular file; old archives mark those with a NUL type flag. */
    boolean isRegularFile() {
        return typeFlag == '0' || typeFlag == '\0' || typeFlag == '7';
    }
}
