package org.netsim.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netsim.sim.socketio.ServerSocket;
import org.netsim.sim.socketio.SocketIoClient;
import org.netsim.sim.socketio.SocketIoServer;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.timeline.TimelineEvent;

class SmokeTest {
    @Test
    void runs() {
        Network n = new Network(1, 1_767_225_600_000_000_000L);
        Host server = n.addHost("server", MacAddress.parse("02:00:00:00:00:01"), Ipv4Address.parse("192.168.1.1"), 24, null);
        Host alice = n.addHost("alice", MacAddress.parse("02:00:00:00:00:02"), Ipv4Address.parse("192.168.1.2"), 24, null);
        EthernetSwitch sw = n.addSwitch("switch");
        n.connect("l1", server.port(), sw.newPort(), LinkConfig.DEFAULT);
        n.connect("l2", alice.port(), sw.newPort(), LinkConfig.DEFAULT);
        SocketIoServer io = new SocketIoServer(server, SocketIoServer.Options.defaults(), new SocketIoServer.Behaviour() {
            @Override
            public void event(SocketIoServer s, ServerSocket socket, SocketIoPacket p) {
                s.broadcast("/", java.util.Set.of(), null, SocketIoPacket.event("/", "chat", p.args().toArray()), false);
            }
        });
        SocketIoClient c = new SocketIoClient(alice, new SocketIoClient.Options(server.address(), 3000,
                Boolean.getBoolean("wsonly"), Map.of()), new SocketIoClient.Behaviour() { });
        long t0 = n.sim().now();
        n.sim().at(t0 + 1_000_000, c::start);
        n.sim().at(t0 + 500_000_000, () -> c.emit("/", "chat", List.of(SocketIoPacket.json("hi")), false));
        n.sim().at(t0 + 1_000_000_000, c::disconnect);
        n.runUntil(t0 + 3_000_000_000L);
        for (TimelineEvent e : n.timeline().events()) {
            System.out.println(e);
        }
        assertTrue(n.timeline().size() > 50);
    }
}
