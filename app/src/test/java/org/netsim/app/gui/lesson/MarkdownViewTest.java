package org.netsim.app.gui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MarkdownViewTest {
    private final MarkdownView view = new MarkdownView();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(view, 600, 400));
        stage.show();
    }

    @Test
    void headingsParagraphsListsTablesAndCodeBecomeStyledNodes(FxRobot robot) {
        robot.interact(() -> view.show("""
                # The TCP header

                Every segment has **at least 20 bytes**, and *options* like `MSS`.
                A soft break joins lines.

                1. **SYN** from the client
                2. SYN-ACK

                | Field | Size |
                |---|---|
                | Source port | 2 bytes |

                ```
                42["chat","hi"]
                ```

                <script>alert(1)</script>
                """));
        List<Node> blocks = view.getChildren();
        assertThat(blocks).hasSize(6);
        assertThat(text(blocks.get(0))).isEqualTo("The TCP header");
        assertThat(blocks.get(0).getStyleClass()).contains("md-heading", "md-h1");
        TextFlow paragraph = (TextFlow) blocks.get(1);
        assertThat(text(paragraph)).isEqualTo("Every segment has at least 20 bytes, and options like MSS. A soft break "
                + "joins lines.");
        assertThat(runs(paragraph, "md-strong")).containsExactly("at least 20 bytes");
        assertThat(runs(paragraph, "md-em")).containsExactly("options");
        assertThat(runs(paragraph, "md-code")).containsExactly("MSS");
        VBox list = (VBox) blocks.get(2);
        assertThat(list.getChildren()).hasSize(2);
        HBox first = (HBox) list.getChildren().get(0);
        assertThat(((Label) first.getChildren().get(0)).getText()).isEqualTo("1.");
        assertThat(text(first.getChildren().get(1))).isEqualTo("SYN from the client");
        GridPane table = (GridPane) blocks.get(3);
        assertThat(table.getChildren()).extracting(MarkdownViewTest::text)
                .containsExactly("Field", "Size", "Source port", "2 bytes");
        assertThat(table.getChildren().get(0).getStyleClass()).contains("md-th");
        assertThat(((Label) blocks.get(4)).getText()).isEqualTo("42[\"chat\",\"hi\"]");
        // raw HTML is shown as text, never run
        assertThat(text(blocks.get(5))).isEqualTo("<script>alert(1)</script>");
    }

    private static List<String> runs(TextFlow flow, String styleClass) {
        return flow.getChildren().stream().filter(n -> n.getStyleClass().contains(styleClass))
                .map(n -> ((Text) n).getText()).collect(Collectors.toList());
    }

    static String text(Node n) {
        if (n instanceof Text t) {
            return t.getText();
        }
        if (n instanceof Label l) {
            return l.getText();
        }
        if (n instanceof javafx.scene.Parent p) {
            return p.getChildrenUnmodifiable().stream().map(MarkdownViewTest::text).collect(Collectors.joining());
        }
        return "";
    }
}
