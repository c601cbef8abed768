package org.netsim.app.gui.topology;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * The frames' sprites composed into one image by copying pixels, and only the part that changed handed to the
 * renderer: a canvas would replay one drawing command per frame on the render thread each pulse, and with the
 * software renderer 500 commands cost more than a pulse has. Here a pulse clears the boxes of the last pulse's sprites,
 * copies the new ones (premultiplied ARGB, source over) and reports the union of old and new boxes as dirty.
 */
final class FrameLayer {
    /** A sprite's pixels, premultiplied ARGB, row by row. */
    record Pixels(int w, int h, int[] argb) {
        static Pixels of(Image img) {
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] argb = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), argb, 0, w);
            return new Pixels(w, h, argb);
        }
    }

    private final ImageView view = new ImageView();
    private int width;
    private int height;
    private int[] pixels = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    /** What a cleared pixel becomes: the network drawn beneath the frames, or transparent. */
    private int[] background;
    private List<int[]> drawn = new ArrayList<>();
    private List<int[]> drawing = new ArrayList<>();

    FrameLayer() {
        view.setMouseTransparent(true);
        view.setSmooth(false);
    }

    ImageView view() {
        return view;
    }

    /** A transparent image of {@code w} x {@code h} pixels. */
    void resize(double w, double h) {
        int nw = Math.max(1, (int) Math.ceil(w));
        int nh = Math.max(1, (int) Math.ceil(h));
        if (nw == width && nh == height) {
            return;
        }
        width = nw;
        height = nh;
        pixels = new int[nw * nh];
        background = null;
        buffer = new PixelBuffer<>(nw, nh, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
        view.setImage(new WritableImage(buffer));
        drawn.clear();
    }

    /**
     * The network beneath the frames, as an image the layer's size: the layer then holds the whole drawing, one image
     * for the renderer to blend instead of two.
     */
    void setBackground(Image img) {
        int[] argb = new int[width * height];
        int w = Math.min(width, (int) img.getWidth());
        int h = Math.min(height, (int) img.getHeight());
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), argb, 0, width);
        background = argb;
        System.arraycopy(argb, 0, pixels, 0, argb.length);
        drawn.clear();
        drawn.add(new int[] {0, 0, width, height});
    }

    /** Starts a pulse: what the last one drew is cleared (the boxes are remembered to report them dirty). */
    void begin() {
        for (int[] r : drawn) {
            for (int y = r[1]; y < r[3]; y++) {
                if (background == null) {
                    java.util.Arrays.fill(pixels, y * width + r[0], y * width + r[2], 0);
                } else {
                    System.arraycopy(background, y * width + r[0], pixels, y * width + r[0], r[2] - r[0]);
                }
            }
        }
    }

    /** Copies {@code p} with its top left corner at (x, y), its alpha multiplied by {@code alpha}. */
    void draw(Pixels p, int x, int y, double alpha) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + p.w());
        int y1 = Math.min(height, y + p.h());
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        int a256 = (int) Math.round(Math.max(0, Math.min(1, alpha)) * 256);
        int[] src = p.argb();
        for (int yy = y0; yy < y1; yy++) {
            int s = (yy - y) * p.w() + (x0 - x);
            int d = yy * width + x0;
            for (int xx = x0; xx < x1; xx++, s++, d++) {
                int c = src[s];
                if (a256 != 256) {
                    c = scale(c, a256);
                }
                int sa = c >>> 24;
                if (sa == 255) {
                    pixels[d] = c;
                } else if (sa != 0) {
                    pixels[d] = c + scale(pixels[d], 256 - sa - (sa >> 7));
                }
            }
        }
        drawing.add(new int[] {x0, y0, x1, y1});
    }

    /** Ends a pulse: the renderer gets the union of what was cleared and what was drawn. */
    void end() {
        int[] u = null;
        for (List<int[]> list : List.of(drawn, drawing)) {
            for (int[] r : list) {
                u = u == null ? r.clone() : new int[] {Math.min(u[0], r[0]), Math.min(u[1], r[1]),
                        Math.max(u[2], r[2]), Math.max(u[3], r[3])};
            }
        }
        List<int[]> t = drawn;
        drawn = drawing;
        drawing = t;
        drawing.clear();
        if (u != null && buffer != null) {
            Rectangle2D dirty = new Rectangle2D(u[0], u[1], u[2] - u[0], u[3] - u[1]);
            buffer.updateBuffer(b -> dirty);
        }
    }

    /** Every channel of a premultiplied pixel times {@code f}/256. */
    private static int scale(int c, int f) {
        int rb = ((c & 0x00ff00ff) * f >>> 8) & 0x00ff00ff;
        int ag = (((c >>> 8) & 0x00ff00ff) * f) & 0xff00ff00;
        return ag | rb;
    }

    /** The pixel at (x, y), premultiplied ARGB (tests). */
    int pixel(int x, int y) {
        return pixels[y * width + x];
    }
}
