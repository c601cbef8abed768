package org.netsim.wire.engineio;

import static org.netsim.pdu.FieldFormat.BYTES;
import static org.netsim.pdu.FieldFormat.HEX;
import static org.netsim.pdu.FieldFormat.TEXT;

import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Protocol;

/**
 * Field layout of Engine.IO protocol 4 packets and polling payloads (engine.io-protocol v4, "Packet encoding"),
 * declared once for encode, decode and display. Engine.IO is a text protocol, so every field but the type digit has a
 * position that depends on the content.
 */
public final class EngineIoLayout {
    private EngineIoLayout() {
    }

    private static final Protocol P = Protocol.ENGINEIO;
    private static final String SPEC = "engine.io-protocol v4";

    public static final FieldSpec TYPE = FieldSpec.fixed(P, "engineio.type", "Packet type", 0, 8, HEX,
            "One ASCII digit saying what the packet is: 0 open, 1 close, 2 ping, 3 pong, 4 message, 5 upgrade, 6 noop.",
            SPEC + " §Packet encoding");
    public static final FieldSpec DATA = FieldSpec.variable(P, "engineio.data", "Data", TEXT,
            "The packet's text after the type digit, e.g. \"probe\" in the 2probe ping of a transport upgrade.",
            SPEC + " §Packet encoding");
    public static final FieldSpec HANDSHAKE = FieldSpec.variable(P, "engineio.handshake", "Handshake", TEXT,
            "JSON the server sends when the session opens: session id, possible upgrades, heartbeat timing, "
                    + "largest accepted payload.", SPEC + " §Handshake");
    public static final FieldSpec SEPARATOR = FieldSpec.variable(P, "engineio.separator", "Record separator", HEX,
            "Byte 0x1e (ASCII record separator) between two packets in one HTTP long-polling body.",
            SPEC + " §HTTP long-polling");
    public static final FieldSpec BASE64_MARKER = FieldSpec.variable(P, "engineio.base64_marker", "Base64 marker", HEX,
            "The letter b: a binary message follows, written as base64 text because a polling body is text.",
            SPEC + " §HTTP long-polling");
    public static final FieldSpec BASE64 = FieldSpec.variable(P, "engineio.base64", "Binary data (base64)", TEXT,
            "The binary message written in base64: every 3 bytes of data become 4 letters.",
            SPEC + " §HTTP long-polling");
    public static final FieldSpec BINARY = FieldSpec.variable(P, "engineio.binary", "Binary data", BYTES,
            "A binary message: over WebSocket it fills a binary frame with no type digit in front.",
            SPEC + " §WebSocket");

    /** The record separator between packets of a polling payload. */
    public static final byte RECORD_SEPARATOR = 0x1e;
    /** The prefix of a base64-encoded binary packet in a polling payload. */
    public static final byte BASE64_PREFIX = 'b';
}
