package org.netsim.app.gui;

import java.util.List;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.app.gui.time.PlaybackViewModel;

/**
 * The time controls on the keyboard: Space play/pause, + and − speed, Right and Left step, Home restart.
 *
 * <p>Space, + and − mean the same everywhere except in a text field (which takes every key) and an open drop-down:
 * they are caught before the focused control sees them, and since Space is play/pause, Enter presses the focused
 * button. The arrows and Home belong to the focused control first: the hex pane moves its cursor, the layer tree
 * opens and closes, the event table, a list or a drop-down move through their items. Only a key the focused control
 * leaves alone (it bubbles up to the scene) steps the time; so do the arrows on a plain button, where they would
 * only move the focus. Help, Keyboard shortcuts shows the same list.
 */
final class KeyboardShortcuts {
    /** A shortcut as the help dialog lists it: the keys and what they do (both message keys). */
    record Shortcut(String keysKey, String actionKey) {
    }

    /** Every shortcut of the window, time controls first; the menu accelerators are listed with them. */
    static final List<Shortcut> ALL = List.of(
            new Shortcut("app.keys.space", "app.keys.playPause"),
            new Shortcut("app.keys.right", "app.keys.forward"),
            new Shortcut("app.keys.left", "app.keys.back"),
            new Shortcut("app.keys.home", "app.keys.restart"),
            new Shortcut("app.keys.plus", "app.keys.faster"),
            new Shortcut("app.keys.minus", "app.keys.slower"),
            new Shortcut("app.keys.ctrlEnter", "app.keys.send"),
            new Shortcut("app.keys.ctrlO", "app.keys.open"),
            new Shortcut("app.keys.ctrlR", "app.keys.newSeed"),
            new Shortcut("app.keys.ctrlE", "app.keys.export"),
            new Shortcut("app.keys.ctrlL", "app.keys.link"),
            new Shortcut("app.keys.ctrlDigits", "app.keys.goTo"),
            new Shortcut("app.keys.f11", "app.keys.projector"),
            new Shortcut("app.keys.f1", "app.keys.help"),
            new Shortcut("app.keys.alt", "app.keys.menus"),
            new Shortcut("app.keys.tab", "app.keys.focus"),
            new Shortcut("app.keys.enter", "app.keys.press"));

    private KeyboardShortcuts() {
    }

    /** Installs the time keys on {@code scene}; {@code send} is Ctrl+Enter (the emit composer's Send). */
    static void install(Scene scene, SessionViewModel session, PlaybackViewModel playback, Runnable send) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focus = scene.getFocusOwner();
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                send.run();
                e.consume();
                return;
            }
            if (takesEveryKey(focus) || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER && focus instanceof ButtonBase b) {
                b.fire(); // Space is play/pause everywhere, so Enter presses the focused button
                e.consume();
                return;
            }
            Runnable action = switch (e.getCode()) {
                // with nothing loaded there is nothing to play: Space presses the focused button as usual
                case SPACE -> session.run() == null ? null : playback::togglePlay;
                case PLUS, ADD, EQUALS -> playback::faster;
                case MINUS, SUBTRACT -> playback::slower;
                default -> onlyMovesFocus(focus) ? timeKey(e.getCode(), playback) : null;
            };
            run(action, e);
        });
        // what the focused control did not use bubbles up to here
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown() && !e.isAltDown() && !takesEveryKey(scene.getFocusOwner())) {
                run(timeKey(e.getCode(), playback), e);
            }
        });
    }

    private static Runnable timeKey(KeyCode code, PlaybackViewModel playback) {
        return switch (code) {
            case RIGHT, KP_RIGHT -> playback::stepForward;
            case LEFT, KP_LEFT -> playback::stepBack;
            case HOME -> playback::restart;
            default -> null;
        };
    }

    private static void run(Runnable action, Event e) {
        if (action != null) {
            action.run();
            e.consume();
        }
    }

    /** A text field, an editable drop-down or an open one: every key is typing or choosing. */
    private static boolean takesEveryKey(Node focus) {
        return focus instanceof TextInputControl
                || focus instanceof ComboBoxBase<?> box && (box.isEditable() || box.isShowing());
    }

    /**
     * Whether the arrows on {@code focus} would only move the focus: nothing focused, or a plain button. A toggle in a
     * group (OSI / TCP/IP) moves the selection along its group with them, so it keeps them.
     */
    private static boolean onlyMovesFocus(Node focus) {
        return focus == null
                || focus instanceof ButtonBase && !(focus instanceof Toggle t && t.getToggleGroup() != null);
    }

    /** Help, Keyboard shortcuts. */
    static Alert dialog() {
        GridPane grid = new GridPane();
        grid.setId("shortcutList");
        grid.getStyleClass().add("ns-shortcut-list");
        int row = 0;
        for (Shortcut s : ALL) {
            Label keys = new Label(Messages.get(s.keysKey()));
            keys.getStyleClass().add("ns-shortcut-keys");
            keys.setMinWidth(Label.USE_PREF_SIZE);
            Label action = new Label(Messages.get(s.actionKey()));
            action.setWrapText(true);
            action.getStyleClass().add("ns-shortcut-action");
            action.setMinHeight(Label.USE_PREF_SIZE);
            grid.addRow(row++, keys, action);
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(Messages.get("app.keys.title"));
        a.setHeaderText(Messages.get("app.keys.title"));
        a.getDialogPane().setContent(grid);
        a.getDialogPane().setId("shortcutDialog");
        return a;
    }
}
