package org.cortexj.nn.description;

/** A height and width pair, such as a kernel size or a stride. */
public record Size2(int height, int width) {

    public static Size2 square(int size) {
        return new Size2(size, size);
    }

    @Override
    public String toString() {
        return height + "x" + width;
    }
}
