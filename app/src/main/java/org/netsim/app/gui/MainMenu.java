package org.netsim.app.gui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.netsim.app.gui.session.LayerModel;
import org.netsim.app.gui.session.LinkSettingsDialog;
import org.netsim.app.gui.session.ScenarioEdits;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.app.gui.session.ShippedScenario;
import org.netsim.app.gui.theme.Theme;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRun;

/**
 * The menu bar: File (scenarios, seed, export), Scenario (clients, links), View (theme, projector, layers), Help. Every
 * menu and item has a mnemonic (Alt and the underlined letter; F10 opens the first menu), so every action is
 * reachable from the keyboard; the dialogs open over the window in its theme.
 */
final class MainMenu extends MenuBar {
    private final AppModels models;
    private final Window window;

    MainMenu(AppModels models, Window window) {
        this.models = models;
        this.window = window;
        setId("mainMenu");
        getMenus().addAll(file(), scenario(), view(), help());
    }

    private Menu file() {
        SessionViewModel session = models.session();
        MenuItem open = item("app.menu.open", this::openFile);
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        Menu shipped = new Menu(Messages.get("app.menu.shipped"));
        for (ShippedScenario s : ShippedScenario.all()) {
            shipped.getItems().add(item(s.name(), () -> session.openShipped(s.fileName()), false));
        }
        MenuItem seed = item("app.menu.newSeed", session::newSeed);
        seed.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        MenuItem export = item("app.menu.exportAll", this::exportAll);
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        Menu exportOne = new Menu(Messages.get("app.menu.exportPoint"));
        session.runProperty().addListener((o, was, run) -> fillExport(exportOne, run));
        fillExport(exportOne, session.run());
        MenuItem quit = item("app.menu.quit", Platform::exit);
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        seed.disableProperty().bind(session.runProperty().isNull());
        export.disableProperty().bind(session.runProperty().isNull());
        exportOne.disableProperty().bind(session.runProperty().isNull());
        Menu m = new Menu(Messages.get("app.menu.file"));
        m.getItems().addAll(open, shipped, new SeparatorMenuItem(), seed, new SeparatorMenuItem(), export, exportOne,
                new SeparatorMenuItem(), quit);
        return m;
    }

    private Menu scenario() {
        SessionViewModel session = models.session();
        MenuItem add = item("app.menu.addClient", session::addClient);
        Menu remove = new Menu(Messages.get("app.menu.removeClient"));
        MenuItem link = item("app.menu.link", () -> Dialogs.themed(new LinkSettingsDialog(session), window,
                models.appearance()).showAndWait());
        link.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        java.util.function.Consumer<Scenario> update = s -> {
            add.setDisable(s == null || !ScenarioEdits.canAddClient(s));
            remove.getItems().clear();
            if (s != null) {
                for (Scenario.ClientSpec c : s.clients()) {
                    remove.getItems().add(item(c.host(), () -> session.removeClient(c.host()), false));
                }
            }
            remove.setDisable(remove.getItems().isEmpty());
            link.setDisable(s == null || s.links().isEmpty());
        };
        session.scenarioProperty().addListener((o, was, s) -> update.accept(s));
        // a scenario opened before the window (netsim.scenario at start) counts too
        update.accept(session.scenario());
        Menu m = new Menu(Messages.get("app.menu.scenario"));
        m.getItems().addAll(add, remove, new SeparatorMenuItem(), link);
        return m;
    }

    private Menu view() {
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem(Messages.get("theme.light"));
        RadioMenuItem dark = new RadioMenuItem(Messages.get("theme.dark"));
        light.setId("lightTheme");
        dark.setId("darkTheme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setSelected(models.appearance().themeProperty().get() == Theme.LIGHT);
        dark.setSelected(models.appearance().themeProperty().get() == Theme.DARK);
        light.setOnAction(e -> models.appearance().themeProperty().set(Theme.LIGHT));
        dark.setOnAction(e -> models.appearance().themeProperty().set(Theme.DARK));
        models.appearance().themeProperty().addListener((o, a, t) -> (t == Theme.DARK ? dark : light)
                .setSelected(true));
        CheckMenuItem projector = new CheckMenuItem(Messages.get("theme.projector"));
        projector.setId("projectorMode");
        projector.selectedProperty().bindBidirectional(models.appearance().projectorProperty());
        projector.setAccelerator(KeyCombination.keyCombination("F11"));
        ToggleGroup layers = new ToggleGroup();
        RadioMenuItem osi = new RadioMenuItem(Messages.get("session.layers.osi"));
        RadioMenuItem tcpIp = new RadioMenuItem(Messages.get("session.layers.tcpip"));
        osi.setToggleGroup(layers);
        tcpIp.setToggleGroup(layers);
        var layerModel = models.session().layerModelProperty();
        osi.setSelected(layerModel.get() == LayerModel.OSI);
        tcpIp.setSelected(layerModel.get() == LayerModel.TCP_IP);
        osi.setOnAction(e -> layerModel.set(LayerModel.OSI));
        tcpIp.setOnAction(e -> layerModel.set(LayerModel.TCP_IP));
        layerModel.addListener((o, a, l) -> (l == LayerModel.TCP_IP ? tcpIp : osi).setSelected(true));
        Menu m = new Menu(Messages.get("app.menu.view"));
        m.setId("viewMenu");
        m.getItems().addAll(light, dark, new SeparatorMenuItem(), projector, new SeparatorMenuItem(), osi, tcpIp);
        return m;
    }

    private Menu help() {
        MenuItem keys = item("app.menu.shortcuts", () -> Dialogs.themed(KeyboardShortcuts.dialog(), window,
                models.appearance()).showAndWait());
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        MenuItem about = item("app.menu.about", () -> Dialogs.themed(Dialogs.about(), window, models.appearance())
                .showAndWait());
        about.setId("aboutItem");
        Menu m = new Menu(Messages.get("app.menu.help"));
        m.setId("helpMenu");
        m.getItems().addAll(keys, new SeparatorMenuItem(), about);
        return m;
    }

    void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("app.menu.open"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("app.files.scenario"),
                "*.yaml", "*.yml", "*.json"));
        File f = chooser.showOpenDialog(window);
        if (f != null) {
            models.session().openFile(f.toPath());
        }
    }

    private void exportAll() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(Messages.get("app.menu.exportAll"));
        File dir = chooser.showDialog(window);
        if (dir != null) {
            export(dir.toPath(), null);
        }
    }

    private void fillExport(Menu menu, ScenarioRun run) {
        menu.getItems().clear();
        if (run == null) {
            return;
        }
        for (String point : run.capturePoints()) {
            menu.getItems().add(item(point, () -> {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(Messages.get("app.menu.exportPoint"));
                chooser.setInitialFileName(point + ".pcap");
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("app.files.pcap"),
                        "*.pcap"));
                File f = chooser.showSaveDialog(window);
                if (f != null) {
                    export(f.toPath(), point);
                }
            }, false));
        }
    }

    /**
     * Exports off the FX thread and reports in the status line: with a {@code point}, that capture point to file
     * {@code target}; without, every capture point into folder {@code target}.
     */
    void export(Path target, String point) {
        SessionViewModel session = models.session();
        Callable<List<Path>> job = session.exportJob(target, point);
        session.inform(Messages.get("app.exporting"));
        Thread t = new Thread(() -> {
            try {
                List<Path> files = job.call();
                Platform.runLater(() -> session.exported(files));
            } catch (Exception e) {
                Platform.runLater(() -> session.fail(e));
            }
        }, "netsim-pcap-export");
        t.setDaemon(true);
        t.start();
    }

    private static MenuItem item(String key, Runnable action) {
        return item(key, action, true);
    }

    /** A menu item: {@code isKey}, its text is a message with its mnemonic; else a name (a scenario), shown as is. */
    static MenuItem item(String text, Runnable action, boolean isKey) {
        MenuItem i = new MenuItem(isKey ? Messages.get(text) : text);
        i.setMnemonicParsing(isKey);
        i.setOnAction(e -> action.run());
        return i;
    }
}
