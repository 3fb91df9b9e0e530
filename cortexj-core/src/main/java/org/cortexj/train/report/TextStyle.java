package org.cortexj.train.report;

/**
 * Font, color, alignment and direction of a piece of chart text. The text's anchor point is horizontally at its start,
 * middle or end, and vertically at the middle of its line.
 *
 * @param size font size in canvas units
 * @param anchor which part of the text sits at the anchor point
 * @param bold whether the font is bold
 * @param color text color
 * @param vertical whether the text runs bottom to top (rotated by -90 degrees about the anchor point)
 */
public record TextStyle(double size, Anchor anchor, boolean bold, Rgb color, boolean vertical) {

    /** The horizontal part of the text placed at the anchor point. */
    public enum Anchor {
        START, MIDDLE, END
    }

    public static TextStyle of(double size, Anchor anchor, Rgb color) {
        return new TextStyle(size, anchor, false, color, false);
    }

    public TextStyle inBold() {
        return new TextStyle(size, anchor, true, color, vertical);
    }

    public TextStyle rotated() {
        return new TextStyle(size, anchor, bold, color, true);
    }
}
