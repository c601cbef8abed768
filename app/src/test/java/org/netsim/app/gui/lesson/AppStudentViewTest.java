package org.netsim.app.gui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netsim.app.gui.AppModels;
import org.netsim.lessons.ByteRange;
import org.netsim.lessons.Check;
import org.netsim.lessons.EventFields;
import org.netsim.lessons.run.Checks;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;

/** What the lesson runner sees of the window's selection. */
class AppStudentViewTest {
    /**
     * A field of a message reassembled from many segments is highlighted in the inspector's "Reassembled TCP" bytes;
     * the runner is told which array the highlighted bytes are in, and judges them there.
     */
    @Test
    void highlightedBytesNameTheByteArrayTheHexPaneShows() {
        AppModels models = AppModels.create();
        assertThat(models.session().openShipped("slow-reader.yaml")).isTrue();
        TimelineEvent last = models.session().run().timeline().events().stream()
                .filter(e -> e.direction() == Direction.WIRE)
                .filter(e -> !EventFields.withKey(e, "websocket.opcode").isEmpty()
                        && EventFields.withKey(e, "websocket.opcode").stream().allMatch(p -> p.source() > 0))
                .findFirst().orElseThrow();
        models.session().select(last.index());
        AppStudentView view = new AppStudentView(models);
        assertThat(view.highlightedBytes()).isNull();

        models.inspector().selectField("websocket.opcode");
        ByteRange r = view.highlightedBytes();
        assertThat(r.source()).isEqualTo(models.inspector().sourceProperty().get()).isPositive();
        assertThat(r).isEqualTo(EventFields.withKey(last, "websocket.opcode").get(0).range());
        assertThat(Checks.evaluate(new Check.SelectedBytes("websocket.opcode"), view).passed()).isTrue();

        models.inspector().selectField("tcp.srcport");
        assertThat(view.highlightedBytes().source()).isZero();
    }
}
