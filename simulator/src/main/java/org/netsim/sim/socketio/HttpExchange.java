package org.netsim.sim.socketio;

import java.util.List;
import org.netsim.sim.Host;
import org.netsim.sim.TcpApplication;
import org.netsim.sim.TcpConnection;
import org.netsim.wire.engineio.EngineIoPacket;
import org.netsim.wire.http.HttpMessage;

/**
 * One request of Node's polling client (node-XMLHttpRequest): its own TCP connection ({@code Connection: close}), the
 * request once connected, the answer, then the connection closed. After a POST's {@code ok} the client closes at once;
 * after a GET the server usually closes first (our captures: 12 of 15 GETs, 3 of 12 POSTs). A connection that ends
 * without an answer is answered with status 0, as XMLHttpRequest reports it.
 */
final class HttpExchange implements TcpApplication {
    /** What the client hears: the answer's status and, for a poll answered 200, the packets of its body. */
    interface Answer {
        void answered(int status, List<EngineIoPacket> packets);
    }

    /** How soon after a POST's answer the client closes (captures: about 0.5 ms). */
    static final long POST_CLOSE_NANOS = 500_000L;

    private final HttpMessage request;
    private final boolean post;
    private final Answer answered;
    private Channel channel;
    private final Host host;
    private boolean done;

    private HttpExchange(Host host, HttpMessage request, Answer answered) {
        this.host = host;
        this.request = request;
        this.post = "POST".equals(request.method());
        this.answered = answered;
    }

    /** Opens the connection and sends {@code request}; {@code answered} hears the answer. */
    static void start(Host host, org.netsim.wire.ipv4.Ipv4Address server, int port, HttpMessage request,
                      String purpose, Answer answered) {
        HttpExchange x = new HttpExchange(host, request, answered);
        TcpConnection c = host.tcp().connect(server, port, purpose, x);
        x.channel = new Channel(host, c);
    }

    @Override
    public void connected(TcpConnection c) {
        List<EngineIoPacket> body = post ? Channel.pollingPackets(request) : List.of();
        channel.sendHttp(request, post, Channel.carriesSocketIo(body));
    }

    @Override
    public void received(TcpConnection c, byte[] data) {
        channel.append(data);
        Channel.ReceivedHttp received = channel.nextHttp();
        if (received == null || done) {
            return;
        }
        HttpMessage m = received.message();
        done = true;
        boolean polling = !post && m.status() == 200;
        List<EngineIoPacket> packets = polling ? Channel.pollingPackets(m) : List.of();
        channel.recordHttpUp(received, polling, Channel.carriesSocketIo(packets));
        if (post) {
            host.network().sim().after(POST_CLOSE_NANOS, c::close);
        }
        answered.answered(m.status(), packets);
    }

    @Override
    public void peerClosed(TcpConnection c) {
        c.close();
        if (!done) {
            done = true;
            answered.answered(0, List.of());
        }
    }
}
