package org.netsim.app.gui;

import javafx.scene.control.Alert;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.netsim.app.gui.theme.Appearance;

/**
 * The window's dialogs share its look: a dialog is a window of its own, with a scene of its own, so it gets the
 * theme's and projector mode's stylesheets itself (else a dark, projected classroom gets a small light dialog).
 */
final class Dialogs {
    private Dialogs() {
    }

    /** {@code dialog} over {@code owner} in {@code appearance}'s theme and size. */
    static <D extends Dialog<?>> D themed(D dialog, Window owner, Appearance appearance) {
        if (owner != null && dialog.getOwner() == null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().getStylesheets().setAll(appearance.stylesheets());
        dialog.getDialogPane().getStyleClass().add("ns-dialog");
        return dialog;
    }

    /** Help, About: what netsim is, its version and the Java and JavaFX it runs on (for a bug report). */
    static Alert about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(Messages.get("app.about.title"));
        a.setHeaderText(Messages.get("app.about.header"));
        String version = Dialogs.class.getPackage().getImplementationVersion();
        Label what = new Label(Messages.get("app.about.text"));
        what.setWrapText(true);
        Label versions = new Label(Messages.get("app.about.versions", version == null ? "-" : version,
                System.getProperty("java.version"), System.getProperty("javafx.runtime.version", "-")));
        versions.setId("aboutVersions");
        versions.setWrapText(true);
        VBox box = new VBox(what, versions);
        box.getStyleClass().add("ns-dialog-body");
        a.getDialogPane().setContent(box);
        a.getDialogPane().setId("aboutDialog");
        return a;
    }
}
