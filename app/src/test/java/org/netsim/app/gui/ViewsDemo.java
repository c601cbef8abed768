package org.netsim.app.gui;

import java.util.List;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.netsim.app.gui.inspector.InspectorView;
import org.netsim.app.gui.inspector.InspectorViewModel;
import org.netsim.app.gui.session.LayerModel;
import org.netsim.app.gui.stack.StackView;
import org.netsim.app.gui.stack.StackViewModel;
import org.netsim.app.gui.theme.Theme;
import org.netsim.app.gui.topology.TopologyView;
import org.netsim.app.gui.topology.TopologyViewModel;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;

/**
 * Shows one of the three views in a window, with a shipped scenario loaded and Alice's {@code chat} emit selected, for
 * screenshots under Xvfb: {@code ViewsDemo inspector|stack|topology [light|dark] [osi|tcpip] [scenario.yaml]
 * [moment: emit|flood|fanout] [projector]}.
 */
public final class ViewsDemo {
    private ViewsDemo() {
    }

    /** Not the Application itself: with JavaFX on the class path, the main class must not extend Application. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The demo window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            show(stage, getParameters().getRaw());
        }
    }

    private static void show(Stage stage, List<String> a) {
        String which = a.isEmpty() ? "inspector" : a.get(0);
        Theme theme = a.size() > 1 && a.get(1).equals("dark") ? Theme.DARK : Theme.LIGHT;
        boolean tcpIp = a.size() > 2 && a.get(2).equals("tcpip");
        String scenario = a.size() > 3 ? a.get(3) : "one-client.yaml";
        boolean projector = a.contains("projector");
        ScenarioRun run = Scenarios.run(scenario);
        Parent root = switch (which) {
            case "stack" -> stack(run, theme, tcpIp);
            case "topology" -> topology(run, theme, a.size() > 4 ? a.get(4) : "");
            default -> inspector(run, theme);
        };
        root.setStyle((theme == Theme.DARK ? "-fx-base: #2b2b2b; -fx-background: #1e1e1e; -fx-control-inner-background: #252525;" : "")
                + (projector ? "-fx-font-size: 20px;" : ""));
        stage.setTitle("netsim " + which);
        stage.setScene(new Scene(root, 1280, 800));
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    private static Parent inspector(ScenarioRun run, Theme theme) {
        InspectorViewModel vm = new InspectorViewModel(Scenarios.TEXT);
        InspectorView view = new InspectorView(vm, Scenarios.TEXT);
        view.themeProperty().set(theme);
        vm.show(emitOnWire(run));
        vm.selectField("socketio.data");
        return view;
    }

    private static Parent stack(ScenarioRun run, Theme theme, boolean tcpIp) {
        StackViewModel vm = new StackViewModel();
        StackView view = new StackView(vm, Scenarios.TEXT);
        view.themeProperty().set(theme);
        view.reduceMotionProperty().set(true);
        vm.layerModelProperty().set(tcpIp ? LayerModel.TCP_IP : LayerModel.OSI);
        vm.show(Scenarios.socketIo(run, "alice", Direction.DOWN, Protocol.SOCKETIO, "\"chat\""), run.timeline());
        return view;
    }

    private static Parent topology(ScenarioRun run, Theme theme, String moment) {
        TopologyViewModel vm = new TopologyViewModel(Scenarios.TEXT);
        TopologyView view = new TopologyView(vm, Scenarios.TEXT);
        view.themeProperty().set(theme);
        vm.setRun(run);
        TimelineEvent wire;
        if (moment.equals("flood")) {
            wire = run.timeline().query().node("switch").direction(Direction.WIRE).list().get(0);
        } else if (moment.equals("fanout")) {
            TimelineEvent news = Scenarios.socketIo(run, "server", Direction.DOWN, Protocol.SOCKETIO, "\"news\"");
            wire = run.timeline().query().node("switch").direction(Direction.WIRE).between(news.timeNanos(),
                    news.timeNanos() + 1_000_000).list().get(1);
        } else {
            String client = run.scenario().clients().get(0).host();
            wire = Scenarios.socketIo(run, client, Direction.WIRE, Protocol.PHYSICAL, "\"");
        }
        Unit.Hop hop = (Unit.Hop) wire.unit();
        vm.setTime(wire.timeNanos() + (hop.arrivalNanos() - wire.timeNanos()) * 2 / 5);
        return view;
    }

    private static TimelineEvent emitOnWire(ScenarioRun run) {
        return Scenarios.socketIo(run, "alice", Direction.WIRE, Protocol.PHYSICAL, "\"chat\"");
    }
}
