package org.netsim.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * What a reader would see as broken in a laid-out window: a label whose text is cut (ellipsized, "Layers: OS…"), a
 * node pushed out of its parent (off the stack view's left edge, a tab behind the tab strip's end), a region squashed
 * below its minimum size. Inside a scroll pane the content may be larger than the view (it scrolls); cells of lists,
 * tables and trees are content too (their full text is a tooltip away), so only their headers are checked, but a
 * drop-down's button cell, which shows its choice, is checked as a label.
 */
public final class LayoutCheck {
    private static final double TOLERANCE = 1.0;

    private LayoutCheck() {
    }

    /** Every problem under {@code root}, one line each (empty when the layout holds). */
    public static List<String> problems(Node root) {
        return problems(root, Set.of());
    }

    /** Every problem under {@code root} outside the nodes with the ids {@code skip} (another part's views). */
    public static List<String> problems(Node root, Set<String> skip) {
        List<String> out = new ArrayList<>();
        walk(root, skip, out);
        return out;
    }

    private static void walk(Node n, Set<String> skip, List<String> out) {
        // a drop-down's button cell shows its value whole or cut like any label; the cells of lists are content
        boolean listCell = n instanceof IndexedCell<?> && !(n.getParent() instanceof ComboBoxBase<?>);
        if (!n.isVisible() || n.getOpacity() == 0 || listCell || isClass(n, "virtual-flow")
                || n.getId() != null && skip.contains(n.getId())) {
            return;
        }
        if (n instanceof Labeled l && !n.getStyleClass().contains("tooltip")) {
            String shown = shownText(l);
            String text = l.isMnemonicParsing() ? l.getText() == null ? null : l.getText().replaceFirst("_", "")
                    : l.getText();
            if (shown != null && text != null && !text.isEmpty() && !shown.equals(text)) {
                out.add("cut text: \"" + shown + "\" of \"" + text + "\" (" + describe(n) + ")");
            }
        }
        boolean scrolled = insideScrolledContent(n) || isClass(n, "viewport");
        if (n instanceof Region r && !(n instanceof ScrollPane) && !scrolled && r.getWidth() > 0) {
            double minW = r.minWidth(-1);
            double minH = r.minHeight(r.getWidth());
            if (r.getWidth() + TOLERANCE < minW || r.getHeight() + TOLERANCE < minH) {
                out.add(String.format("squashed: %.0f×%.0f, needs %.0f×%.0f (%s)", r.getWidth(), r.getHeight(),
                        minW, minH, describe(n)));
            }
        }
        Parent p = n.getParent();
        if (n instanceof Region && p instanceof Region pr && !scrolled && pr.getWidth() > 0) {
            // the node's own box, not its visual bounds: a wrapped text may draw a pixel past its label's edge
            Region r = (Region) n;
            Bounds b = new BoundingBox(r.getLayoutX() + r.getTranslateX(), r.getLayoutY() + r.getTranslateY(),
                    r.getWidth(), r.getHeight());
            if (b.getWidth() > 0 && (b.getMinX() < -TOLERANCE || b.getMinY() < -TOLERANCE
                    || b.getMaxX() > pr.getWidth() + TOLERANCE || b.getMaxY() > pr.getHeight() + TOLERANCE)) {
                out.add(String.format("outside its parent: [%.0f,%.0f %.0f×%.0f] in %.0f×%.0f (%s in %s)", b.getMinX(),
                        b.getMinY(), b.getWidth(), b.getHeight(), pr.getWidth(), pr.getHeight(), describe(n),
                        describe(p)));
            }
        }
        if (n instanceof Parent parent) {
            for (Node c : parent.getChildrenUnmodifiable()) {
                walk(c, skip, out);
            }
        }
    }

    /**
     * The cells of {@code table} on screen whose text is cut (the whole-window walk leaves the cells of lists and
     * tables alone: a cut info line is a choice, a cut time or node name is not), except those of {@code skipColumn}.
     */
    public static List<String> cutCells(javafx.scene.control.TableView<?> table, String skipColumn) {
        List<String> out = new ArrayList<>();
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> cell && cell.isVisible() && !cell.isEmpty()
                    && cell.getTableColumn() != null && !skipColumn.equals(cell.getTableColumn().getText())) {
                String shown = shownText(cell);
                if (shown != null && cell.getText() != null && !shown.equals(cell.getText())) {
                    out.add(cell.getTableColumn().getText() + ": \"" + shown + "\" of \"" + cell.getText() + "\"");
                }
            }
        }
        return out;
    }

    /** The text a label's skin draws (the label's own text cut to fit, with its ellipsis), or null. */
    private static String shownText(Labeled l) {
        Skin<?> skin = l.getSkin();
        if (!(skin instanceof SkinBase<?> base)) {
            return null;
        }
        for (Node c : base.getChildren()) {
            if (c instanceof Text t && c.getStyleClass().contains("text") && c.isVisible()) {
                return t.getText();
            }
        }
        return null;
    }

    /**
     * The view of a scroll pane holds its content at any offset, and a table's header row scrolls with its columns:
     * their position is not a layout problem.
     */
    private static boolean insideScrolledContent(Node n) {
        Parent p = n.getParent();
        return p != null && (isClass(p, "viewport") || p.getParent() != null && isClass(p.getParent(), "viewport")
                || isClass(p, "clipped-container") || isClass(p, "sheet") || isClass(p, "column-header-background"));
    }

    private static boolean isClass(Node n, String styleClass) {
        return n.getStyleClass().contains(styleClass);
    }

    static String describe(Node n) {
        StringBuilder sb = new StringBuilder(n.getClass().getSimpleName());
        if (n.getId() != null) {
            sb.append('#').append(n.getId());
        }
        if (!n.getStyleClass().isEmpty()) {
            sb.append('.').append(String.join(".", n.getStyleClass()));
        }
        if (n instanceof Labeled l && l.getText() != null) {
            sb.append(" \"").append(l.getText().length() > 40 ? l.getText().substring(0, 40) + "…" : l.getText())
                    .append('"');
        }
        if (n.getParent() != null) {
            sb.append(" in ").append(n.getParent().getClass().getSimpleName()).append('.')
                    .append(String.join(".", n.getParent().getStyleClass()));
        }
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                sb.append(" under #").append(p.getId());
                break;
            }
        }
        return sb.toString();
    }

    /** Whether {@code n} is a control the user can see the whole of (used by tests that tab through the window). */
    static boolean isControl(Node n) {
        return n instanceof Control;
    }
}
