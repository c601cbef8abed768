package org.netsim.app.gui.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the devices so the shipped scenarios read at a glance: the switches and routers (the backbone) on a
 * horizontal line in the order their cables chain them, and each host near the backbone device it is plugged into:
 * around it when there is one backbone device, fanned out to the left of the first and the right of the last, and
 * above and below the ones in between. A host with no backbone device next to it goes on a line of its own.
 */
final class TopologyLayout {
    private TopologyLayout() {
    }

    /** @param first the host to place first (the Socket.IO server), or null */
    static TopologyGraph layout(TopologyGraph g, String first) {
        Map<String, List<String>> neighbours = new HashMap<>();
        for (TopologyGraph.Cable c : g.cables()) {
            neighbours.computeIfAbsent(c.a(), k -> new ArrayList<>()).add(c.b());
            neighbours.computeIfAbsent(c.b(), k -> new ArrayList<>()).add(c.a());
        }
        List<String> backbone = chain(g, neighbours);
        Map<String, double[]> at = new LinkedHashMap<>();
        int m = backbone.size();
        for (int i = 0; i < m; i++) {
            at.put(backbone.get(i), new double[] {(i + 1.0) / (m + 1.0), 0.5});
        }
        Map<String, List<String>> hostsOf = new LinkedHashMap<>();
        List<String> loose = new ArrayList<>();
        List<TopologyGraph.Device> hosts = new ArrayList<>();
        for (TopologyGraph.Device d : g.devices()) {
            if (d.kind() == TopologyGraph.Kind.HOST) {
                hosts.add(d.name().equals(first) ? 0 : hosts.size(), d);
            }
        }
        for (TopologyGraph.Device d : hosts) {
            String parent = null;
            for (String n : neighbours.getOrDefault(d.name(), List.of())) {
                if (backbone.contains(n)) {
                    parent = n;
                    break;
                }
            }
            if (parent == null) {
                loose.add(d.name());
            } else {
                hostsOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(d.name());
            }
        }
        for (Map.Entry<String, List<String>> e : hostsOf.entrySet()) {
            int i = backbone.indexOf(e.getKey());
            place(at, at.get(e.getKey()), e.getValue(), m, i);
        }
        for (int k = 0; k < loose.size(); k++) {
            at.put(loose.get(k), new double[] {(k + 1.0) / (loose.size() + 1.0), m == 0 ? 0.5 : 0.1});
        }
        List<TopologyGraph.Device> placed = new ArrayList<>();
        for (TopologyGraph.Device d : g.devices()) {
            double[] p = at.getOrDefault(d.name(), new double[] {0.5, 0.5});
            placed.add(d.at(p[0], p[1]));
        }
        return new TopologyGraph(placed, g.cables());
    }

    /** Hosts around their backbone device: a circle for a lone switch, else a fan pointing away from the line. */
    private static void place(Map<String, double[]> at, double[] centre, List<String> hosts, int m, int i) {
        int n = hosts.size();
        // in a chain the end hosts sit one backbone step out, so every cable along the line is as long
        double radiusX = m == 1 ? 0.36 : 1.0 / (m + 1.0);
        double radiusY = 0.36;
        double from;
        double span;
        if (m == 1) {
            // a circle starting at the top, so the first host (the server) sits above the switch; two hosts (a router
            // between two subnets) right and left: the client on the left, where the eye starts
            from = n == 2 ? 0 : -Math.PI / 2;
            span = 2 * Math.PI;
        } else if (i == 0) {
            from = Math.PI / 2;
            span = Math.PI;
        } else if (i == m - 1) {
            from = -Math.PI / 2;
            span = Math.PI;
        } else {
            from = -Math.PI / 2;
            span = 2 * Math.PI;
        }
        for (int k = 0; k < n; k++) {
            double angle = m == 1 || i > 0 && i < m - 1 ? from + span * k / n
                    : from + span * (k + 0.5) / n;
            at.put(hosts.get(k), new double[] {centre[0] + radiusX * Math.cos(angle),
                    centre[1] + radiusY * Math.sin(angle)});
        }
    }

    /** The switches and routers in the order cables chain them, starting from one at an end of the chain. */
    private static List<String> chain(TopologyGraph g, Map<String, List<String>> neighbours) {
        List<String> infra = new ArrayList<>();
        for (TopologyGraph.Device d : g.devices()) {
            if (d.kind() != TopologyGraph.Kind.HOST) {
                infra.add(d.name());
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < infra.size()) {
            String start = null;
            for (String s : infra) {
                if (!order.contains(s) && (start == null || infraDegree(s, infra, neighbours) == 1)) {
                    start = start == null || infraDegree(start, infra, neighbours) != 1 ? s : start;
                }
            }
            for (String cur = start; cur != null; ) {
                order.add(cur);
                String next = null;
                for (String n : neighbours.getOrDefault(cur, List.of())) {
                    if (infra.contains(n) && !order.contains(n)) {
                        next = n;
                        break;
                    }
                }
                cur = next;
            }
        }
        return order;
    }

    private static int infraDegree(String s, List<String> infra, Map<String, List<String>> neighbours) {
        int d = 0;
        for (String n : neighbours.getOrDefault(s, List.of())) {
            if (infra.contains(n)) {
                d++;
            }
        }
        return d;
    }
}
