package org.netsim.lessons.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.Page;
import org.netsim.lessons.Quiz;
import org.netsim.lessons.Step;
import org.netsim.lessons.TextPage;
import org.netsim.lessons.load.LessonLoader;

/**
 * Facts the shipped lessons once got wrong, held to what the sources say: Wireshark's TCP checksum check is off by
 * default; a Socket.IO server can read the Engine.IO id (socket.conn.id); private addresses and NAT; SMB is an
 * application-layer protocol, not a physical one.
 */
class LessonFactsTest {
    /** Every text of every shipped lesson: pages, prompts, hints, questions, options and their feedback. */
    static List<String> texts(String lessonId) {
        List<String> out = new ArrayList<>();
        for (Lesson l : LessonLoader.shipped().lessons()) {
            if (lessonId != null && !l.id().equals(lessonId)) {
                continue;
            }
            l.objectives().forEach(o -> out.add(o.text()));
            for (Page p : l.pages()) {
                if (p instanceof TextPage t) {
                    out.add(t.markdown());
                } else if (p instanceof Step s) {
                    out.add(s.prompt());
                    out.addAll(s.hints());
                } else if (p instanceof Quiz q) {
                    out.add(q.question());
                    out.addAll(q.hints());
                    if (q instanceof Quiz.Choice c) {
                        c.options().forEach(o -> out.add(o.text() + " " + o.why()));
                    }
                }
            }
        }
        return out;
    }

    /** Sentences (roughly) of all the texts. */
    static List<String> sentences(List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            for (String s : t.replace('\n', ' ').split("(?<=[.?!])\\s+")) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void wiresharkChecksTcpChecksumsOnlyWhenValidationIsOn() {
        Pattern flags = Pattern.compile("(?i)(wireshark|tshark)[^.]*(mark|flag|call)[^.]*checksum|checksum[^.]*(marked|"
                + "flagged)[^.]*wireshark");
        List<String> claims = sentences(texts(null)).stream().filter(s -> flags.matcher(s).find()).toList();
        assertThat(claims).isNotEmpty().allSatisfy(s -> assertThat(s).containsPattern(
                "(?i)validation|check_checksum|when checked|told to check"));
        assertThat(String.join(" ", texts("live-capture"))).contains("tcp.check_checksum:TRUE")
                .contains("Edit > Preferences > Protocols > TCP").contains("does not check TCP checksums");
    }

    @Test
    void theServerCanReadTheEngineIoSessionId() {
        String sid = String.join(" ", texts("socketio-connections"));
        assertThat(sid).doesNotContainPattern("(?i)never sees the Engine.IO sid").contains("socket.conn.id");
    }

    @Test
    void privateAddressesAndNatAreSaid() {
        String addresses = String.join(" ", texts("ip-ethernet"));
        assertThat(addresses).doesNotContain("names a computer on the whole Internet")
                .contains("RFC 1918").contains("NAT").contains("192.168.0.0/16");
    }

    @Test
    void smbIsAnApplicationLayerProtocol() {
        String osi = texts("osi-model").stream().filter(t -> t.contains("| 1 | Physical |")).findFirst()
                .orElseThrow();
        Matcher physical = Pattern.compile("\\| 1 \\| Physical \\|[^\\n]*").matcher(osi);
        Matcher application = Pattern.compile("\\| 7 \\| Application \\|[^\\n]*").matcher(osi);
        assertThat(physical.find() && application.find()).isTrue();
        assertThat(physical.group()).doesNotContain("SMB");
        assertThat(application.group()).contains("SMB");
    }
}
