package org.netsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.Direction;

/**
 * The classroom benchmark of the simulation issue: 100 clients on one switch, connected over WebSocket, and 10,000
 * {@code io.emit} broadcasts 10 ms apart (1,000,000 broadcast frames, plus the ACKs). Prints the wall time of the
 * whole run (build, simulate, record the timeline), the frames on the wire and the peak heap. A whole run is one
 * long single shot, so this is a plain program rather than JMH:
 *
 * <pre>mvn -q -pl simulator -am install -DskipTests
 * mvn -q -pl simulator test-compile exec:exec -Dbench.main=org.netsim.bench.ClassroomBench -Dbench=100</pre>
 * (the JVM gets {@code -Xmx1g}, the memory target; arguments: clients, broadcasts, rounds)
 */
public final class ClassroomBench {
    public static void main(String[] args) {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int broadcasts = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        for (int round = 1; round <= rounds; round++) {
            System.gc();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                p.resetPeakUsage();
            }
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long allocated0 = threads.getCurrentThreadAllocatedBytes();
            long gc0 = gcMillis();
            long t0 = System.nanoTime();
            ScenarioRun run = ScenarioRunner.run(classroom(clients, broadcasts));
            long elapsed = System.nanoTime() - t0;
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocated0;
            long gc = gcMillis() - gc0;
            long peak = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    peak += p.getPeakUsage().getUsed();
                }
            }
            System.gc();
            long retained = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            var t = run.timeline();
            int sent = t.query().direction(Direction.WIRE).protocol(Protocol.PHYSICAL).node("server").count();
            int socketIo = t.query().direction(Direction.UP).protocol(Protocol.SOCKETIO).count();
            System.out.printf("round %d: %d clients, %d broadcasts: %.2f s wall, %d timeline events, %d frames sent "
                            + "by the server, %d Socket.IO packets received, peak heap %d MB, %d MB kept after the run (max %d MB);"
                            + " simulating thread: %.2f s CPU, %d MB allocated; collectors: %.2f s%n", round,
                    clients, broadcasts, elapsed / 1e9, t.size(), sent, socketIo, peak >> 20, retained >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, cpu / 1e9, allocated >> 20, gc / 1e3);
        }
    }

    /** Time the garbage collectors report, pauses and concurrent cycles, since the JVM started. */
    private static long gcMillis() {
        long ms = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    static Scenario classroom(int clients, int broadcasts) {
        List<Scenario.HostSpec> hosts = new ArrayList<>();
        List<Scenario.LinkSpec> links = new ArrayList<>();
        List<Scenario.ClientSpec> cs = new ArrayList<>();
        hosts.add(new Scenario.HostSpec("server", "10.0.0.1/16", null, null, null));
        links.add(new Scenario.LinkSpec("uplink", List.of("server", "switch"), "1Gbps", null, null, null, null));
        for (int i = 0; i < clients; i++) {
            String name = "student" + (i + 1);
            hosts.add(new Scenario.HostSpec(name, "10.0." + (1 + i / 250) + "." + (1 + i % 250) + "/16", null, null,
                    null));
            links.add(new Scenario.LinkSpec(null, List.of(name, "switch"), null, null, null, null, null));
            cs.add(new Scenario.ClientSpec(name, List.of("websocket"), null, null, null));
        }
        var emit = new Scenario.Action("1s", null, null,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add("slide changed"), null,
                null, null, "io.emit", null, null, "news", null, broadcasts, "10ms");
        return new Scenario("classroom", null, 7L, null, hosts, List.of(new Scenario.SwitchSpec("switch")), List.of(),
                links, List.of("server"), new Scenario.ServerSpec("server", null, null, null, null, null), cs,
                List.of(emit));
    }
}
