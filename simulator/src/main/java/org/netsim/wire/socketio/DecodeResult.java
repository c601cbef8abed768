package org.netsim.wire.socketio;

/**
 * The outcome of decoding a Socket.IO packet's text: the packet, or why socket.io-parser would refuse it.
 *
 * @param packet      the packet, or {@code null} when malformed
 * @param error       the reason, or {@code null} when the packet is good
 * @param errorOffset index (UTF-16 units) in the text where decoding stopped, or -1
 */
public record DecodeResult(SocketIoPacket packet, String error, int errorOffset) {

    public static DecodeResult ok(SocketIoPacket packet) {
        return new DecodeResult(packet, null, -1);
    }

    public static DecodeResult malformed(String error, int errorOffset) {
        return new DecodeResult(null, error, errorOffset);
    }

    public boolean isOk() {
        return packet != null;
    }

    /** The packet; throws {@link IllegalStateException} with the reason when the text was malformed. */
    public SocketIoPacket orThrow() {
        if (packet == null) {
            throw new IllegalStateException(error + " (at character " + errorOffset + ")");
        }
        return packet;
    }
}
