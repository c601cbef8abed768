package org.netsim.app.gui;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;

/**
 * Go: each part of the window from the keyboard (Ctrl+1, Ctrl+2, ...), its tab brought to the front and the focus on its
 * first control, so a keyboard user never has to Tab through everything before it.
 */
final class GoMenu {
    private GoMenu() {
    }

    /**
     * A part of the window: its menu text's key, the tab that holds it ({@code null}: always shown) and what to focus.
     */
    record Part(String key, String tab, Supplier<Node> target) {
    }

    /** The menu, one item per part with Shortcut+1, +2, ...; every item disabled while {@code disabled} holds. */
    static Menu create(List<Part> parts, ObservableBooleanValue disabled, BiConsumer<String, Node> goTo) {
        Menu go = new Menu(Messages.get("app.menu.go"));
        go.setId("goMenu");
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            MenuItem item = MainMenu.item(p.key(), () -> goTo.accept(p.tab(), p.target().get()), true);
            item.setAccelerator(KeyCombination.keyCombination("Shortcut+" + (i + 1)));
            item.disableProperty().bind(disabled);
            go.getItems().add(item);
        }
        return go;
    }

    /**
     * Focuses {@code target} or its first focusable control, once its tab is in front; {@code tabPanes} are laid out
     * first if it cannot take the focus yet.
     */
    static void focus(Node target, List<TabPane> tabPanes) {
        Node focus = target.isFocusTraversable() ? target : firstFocusable(target);
        Node to = focus == null ? target : focus;
        to.requestFocus();
        if (!to.isFocused()) {
            // a tab's content that joined the scene on this selection (attachOnFirstSelection) is made visible by
            // the tab pane's layout, and only a visible node takes the focus: lay the tab panes out now
            for (TabPane p : tabPanes) {
                p.applyCss();
                p.layout();
            }
            to.requestFocus();
        }
    }

    private static Node firstFocusable(Node n) {
        if (n.isFocusTraversable() && n.isVisible() && !n.isDisabled()) {
            return n;
        }
        if (n instanceof Parent p && n.isVisible()) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Node f = firstFocusable(c);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
