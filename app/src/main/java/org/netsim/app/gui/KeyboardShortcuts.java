package org.netsim.app.gui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import org.netsim.app.gui.time.PlaybackViewModel;

/**
 * The time controls on the keyboard: Space play/pause, Right and Left step, Home restart, + and - speed. The keys
 * work anywhere in the window except in a text field (which takes every key) or an open drop-down; since Space is
 * play/pause everywhere else, Enter presses the focused button. Help, Keyboard shortcuts shows the same list.
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
            new Shortcut("app.keys.f1", "app.keys.help"),
            new Shortcut("app.keys.tab", "app.keys.focus"),
            new Shortcut("app.keys.enter", "app.keys.press"));

    private KeyboardShortcuts() {
    }

    /** Installs the time keys on {@code scene}; {@code send} is Ctrl+Enter (the emit composer's Send). */
    static void install(Scene scene, PlaybackViewModel playback, Runnable send) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focus = scene.getFocusOwner();
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                send.run();
                e.consume();
                return;
            }
            if (focus instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER && focus instanceof ButtonBase b) {
                b.fire(); // Space is play/pause everywhere, so Enter presses the focused button
                e.consume();
                return;
            }
            Runnable action = switch (e.getCode()) {
                case SPACE -> focus instanceof ComboBoxBase<?> box && box.isShowing() ? null : playback::togglePlay;
                case RIGHT, KP_RIGHT -> playback::stepForward;
                case LEFT, KP_LEFT -> playback::stepBack;
                case HOME -> playback::restart;
                case PLUS, ADD, EQUALS -> playback::faster;
                case MINUS, SUBTRACT -> playback::slower;
                default -> null;
            };
            if (action != null) {
                action.run();
                e.consume();
            }
        });
    }

    /** Help, Keyboard shortcuts. */
    static Alert dialog() {
        GridPane grid = new GridPane();
        grid.setId("shortcutList");
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut s : ALL) {
            Label keys = new Label(Messages.get(s.keysKey()));
            keys.setStyle("-fx-font-weight: bold;");
            Label action = new Label(Messages.get(s.actionKey()));
            action.setWrapText(true);
            grid.addRow(row++, keys, action);
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(Messages.get("app.keys.title"));
        a.setHeaderText(Messages.get("app.keys.title"));
        a.getDialogPane().setContent(grid);
        return a;
    }
}
