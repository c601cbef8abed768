package org.netsim.lessons.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netsim.lessons.Lesson;
import org.netsim.lessons.load.LessonLoader;
import org.netsim.lessons.progress.LessonProgress;
import org.netsim.lessons.run.Answer;
import org.netsim.lessons.run.LessonSession;
import org.netsim.lessons.run.QuizResult;
import org.netsim.pdu.Field;
import org.netsim.timeline.TimelineEvent;

/** Lesson 7's quizzes graded as a student answers them, the near misses first. */
class MessagingLessonTest {
    static Lesson lesson(String id) {
        LessonLoader.Result r = LessonLoader.shipped();
        assertThat(r.problems()).isEmpty();
        return r.lessons().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    /** The attachment count is "1-", two bytes: the question, the field and the feedback say so alike. */
    @Test
    void theAttachmentCountIsTheDigitAndItsDash() {
        Lesson lesson = lesson("messaging");
        LessonSession session = new LessonSession(lesson, new LessonProgress());
        TimelineEvent e = session.quizEvent("attachments-bytes");
        Field count = e.wholePdu().allFields().stream().filter(f -> f.key().equals("socketio.attachments"))
                .findFirst().orElseThrow();
        assertThat(count.byteEnd() - count.byteStart()).isEqualTo(2);
        // 451-[...]: only the "1" is a near miss
        QuizResult digit = session.answer("attachments-bytes", Answer.bytes(count.byteStart(), count.byteStart() + 1));
        assertThat(digit.correct()).isFalse();
        assertThat(digit.feedback()).contains("\"1-\", 2 bytes");
        QuizResult both = session.answer("attachments-bytes", Answer.bytes(count.byteStart(), count.byteEnd()));
        assertThat(both.correct()).isTrue();
        assertThat(lesson.page("attachments-bytes").map(p -> ((org.netsim.lessons.Quiz) p).question()).orElseThrow())
                .contains("the bytes").contains("dash");
    }
}
