import org.netsim.app.peer.EmbeddedPeer;

/**
 * Runs netsim's built-in peer (netty-socketio server, socket.io-client-java client) once on 127.0.0.1:PORT, over
 * polling then WebSocket as the app starts it: the client connects, emits chat "hi", the server echoes it, and the
 * client disconnects. Run with the app's jar on the class path (see record.sh).
 */
public class PeerCapture {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        try (EmbeddedPeer peer = EmbeddedPeer.start(port, false)) {
            peer.emit("chat", "[\"hi\"]");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (peer.received().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            System.out.println("received " + peer.received());
            Thread.sleep(300);
        }
        Thread.sleep(500);
        System.exit(0);
    }
}
