package io.faceclock.face;

/** An axis-aligned rectangle in pixels of the original image. */
public record Box(double x, double y, double width, double height) {

    public double area() {
        return width * height;
    }
}
