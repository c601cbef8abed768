package org.netsim.lessons.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioFile;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;

class FieldKeysTest {
    @Test
    void layoutsOfEveryProtocolAreFound() {
        assertThat(FieldKeys.protocolOf("tcp.dstport")).contains(Protocol.TCP);
        assertThat(FieldKeys.protocolOf("ip.ttl")).contains(Protocol.IPV4);
        assertThat(FieldKeys.protocolOf("eth.dst")).contains(Protocol.ETHERNET);
        assertThat(FieldKeys.protocolOf("websocket.masking_key")).contains(Protocol.WEBSOCKET);
        assertThat(FieldKeys.protocolOf("socketio.type")).contains(Protocol.SOCKETIO);
        assertThat(FieldKeys.protocolOf("engineio.type")).contains(Protocol.ENGINEIO);
        assertThat(FieldKeys.protocolOf("arp.opcode")).contains(Protocol.ARP);
        assertThat(FieldKeys.protocolOf("http.request.method")).contains(Protocol.HTTP);
        assertThat(FieldKeys.protocolOf("phy.preamble")).contains(Protocol.PHYSICAL);
        assertThat(FieldKeys.protocolOf("tcp.payload.malformed")).isEmpty();
        assertThat(FieldKeys.isKnown("tcp.malformed")).isTrue();
        assertThat(FieldKeys.isKnown("data.data")).isTrue();
        assertThat(FieldKeys.all().values()).containsAll(Set.of(Protocol.values()));
    }

    /** The honesty check: every key a dissector puts in the PDU trees of every shipped scenario's run is known. */
    @Test
    void everyFieldKeySeenInTheShippedScenariosIsKnown() {
        Set<String> seen = new TreeSet<>();
        for (String name : ShippedScenarios.names()) {
            ScenarioRun run = ScenarioRunner.run(ScenarioFile.builtIn(name));
            for (TimelineEvent e : run.timeline().events()) {
                if (e.direction() == Direction.STATE) {
                    continue;
                }
                Pdu p = e.wholePdu();
                if (p != null) {
                    for (Field f : p.allFields()) {
                        seen.add(f.key());
                    }
                }
            }
        }
        assertThat(ShippedScenarios.names()).contains("one-client.yaml", "broadcast-three-clients.yaml");
        assertThat(seen).hasSizeGreaterThan(60);
        assertThat(FieldKeys.all().keySet()).containsAll(seen);
    }
}
