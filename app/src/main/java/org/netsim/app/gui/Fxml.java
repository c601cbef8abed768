package org.netsim.app.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;

/**
 * Loads a view's static layout from the FXML file beside its class ({@code MainWindow.fxml} for {@code MainWindow}),
 * with the view as both the root ({@code fx:root}) and the controller, and the texts ({@code %key}) from
 * {@link Messages}. The view then binds what the layout declares to its view model; what is drawn (the hex pane, the
 * stack's blocks, the topology) stays code.
 */
public final class Fxml {
    private Fxml() {
    }

    /** Loads {@code view}'s layout into it. */
    public static void load(Object view) {
        load(view, view.getClass().getSimpleName() + ".fxml");
    }

    /** Loads layout {@code name} (next to {@code view}'s class) into {@code view}. */
    public static void load(Object view, String name) {
        load(view, view, name);
    }

    /**
     * The layout beside {@code controller}'s class, loaded with it as the controller, for a view that is not itself a
     * node (a dialog puts the layout into its pane).
     */
    public static <T extends javafx.scene.Parent> T content(Object controller) {
        return load(null, controller, controller.getClass().getSimpleName() + ".fxml");
    }

    private static <T> T load(Object root, Object controller, String name) {
        URL url = controller.getClass().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing beside " + controller.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(url, Messages.bundle());
        if (root != null) {
            loader.setRoot(root);
        }
        loader.setController(controller);
        // the loader's default class loader is the thread's context loader, which a test runner may have replaced
        loader.setClassLoader(controller.getClass().getClassLoader());
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }
}
