package org.netsim.app.gui.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netsim.app.gui.Scenarios;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioRun;
import org.netsim.stack.Reassembly;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;

/** The blocks of a frame that completes a message reassembled from many segments (slow-reader's 90 KB upload). */
class EncapsulationBlockTest {

    @Test
    void aFrameCompletingAReassembledMessageShowsTheWholeMessageAboveTcpNeverANegativeSize() {
        ScenarioRun run = Scenarios.run("slow-reader.yaml");
        TimelineEvent completing = null;
        for (TimelineEvent e : run.timeline().query().node("alice").direction(Direction.DOWN)
                .protocol(Protocol.TCP).list()) {
            Pdu tcp = e.wholePdu().find(Protocol.TCP).orElseThrow();
            if (tcp.children().stream().anyMatch(c -> c.header() instanceof Reassembly r
                    && r.role() == Reassembly.Role.COMPLETED)) {
                completing = e;
            }
        }
        assertThat(completing).isNotNull();
        Pdu frame = completing.wholePdu();
        var blocks = EncapsulationBlock.of(frame, frame.find(Protocol.SOCKETIO).orElseThrow());
        assertThat(blocks).extracting(EncapsulationBlock::protocol).containsExactly(Protocol.ETHERNET,
                Protocol.IPV4, Protocol.TCP, Protocol.WEBSOCKET, Protocol.ENGINEIO, Protocol.SOCKETIO);
        assertThat(blocks).allSatisfy(b -> assertThat(b.headerBytes()).isNotNegative())
                .allSatisfy(b -> assertThat(b.payloadBytes()).isNotNegative())
                .allSatisfy(b -> assertThat(b.trailerBytes()).isNotNegative());
        // TCP carries the upload's last 454 bytes; above it, the whole 90,030-byte WebSocket frame
        assertThat(blocks.get(2).payloadBytes()).isEqualTo(454);
        assertThat(blocks.get(3).totalBytes()).isEqualTo(90_030);
        assertThat(blocks.get(3).headerBytes()).isEqualTo(14);
    }
}
