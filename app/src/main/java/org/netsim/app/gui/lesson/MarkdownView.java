package org.netsim.app.gui.lesson;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A lesson page: Markdown (CommonMark with tables) drawn as JavaFX nodes, so it takes the theme, projector mode's
 * larger type, and wraps to the panel's width. No WebView: lessons need headings, paragraphs with bold, italic and
 * code, lists, tables, code blocks and quotes, and nothing that runs.
 */
public final class MarkdownView extends VBox {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    public MarkdownView() {
        getStyleClass().add("markdown");
        setFillWidth(true);
    }

    /** Shows {@code markdown}, replacing what was there. */
    public void show(String markdown) {
        getChildren().setAll(blocks(PARSER.parse(markdown)));
    }

    private List<Node> blocks(org.commonmark.node.Node parent) {
        List<Node> out = new ArrayList<>();
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Node block = block(n);
            if (block != null) {
                out.add(block);
            }
        }
        return out;
    }

    private Node block(org.commonmark.node.Node n) {
        if (n instanceof Heading h) {
            TextFlow flow = inline(h);
            flow.getStyleClass().addAll("md-heading", "md-h" + h.getLevel());
            return flow;
        }
        if (n instanceof Paragraph p) {
            TextFlow flow = inline(p);
            flow.getStyleClass().add("md-paragraph");
            return flow;
        }
        if (n instanceof BulletList || n instanceof OrderedList) {
            VBox list = new VBox();
            list.getStyleClass().add("md-list");
            int number = n instanceof OrderedList o ? o.getMarkerStartNumber() : 0;
            for (org.commonmark.node.Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    Label marker = new Label(n instanceof OrderedList ? number++ + "." : "\u2022");
                    marker.getStyleClass().add("md-marker");
                    marker.setMinWidth(Label.USE_PREF_SIZE);
                    VBox body = new VBox();
                    body.getChildren().setAll(blocks(item));
                    HBox.setHgrow(body, Priority.ALWAYS);
                    list.getChildren().add(new HBox(marker, body));
                }
            }
            return list;
        }
        if (n instanceof FencedCodeBlock code) {
            return codeBlock(code.getLiteral());
        }
        if (n instanceof IndentedCodeBlock code) {
            return codeBlock(code.getLiteral());
        }
        if (n instanceof BlockQuote quote) {
            VBox box = new VBox();
            box.getStyleClass().add("md-quote");
            box.getChildren().setAll(blocks(quote));
            return box;
        }
        if (n instanceof ThematicBreak) {
            return new Separator();
        }
        if (n instanceof TableBlock table) {
            return table(table);
        }
        // raw HTML and anything else a lesson should not contain: shown as its text, never run
        TextFlow flow = new TextFlow(new Text(textOf(n)));
        flow.getStyleClass().add("md-paragraph");
        return flow;
    }

    private static Node codeBlock(String literal) {
        Label code = new Label(literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal);
        code.getStyleClass().add("md-code-block");
        code.setWrapText(true);
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }

    private GridPane table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        int row = 0;
        for (org.commonmark.node.Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (org.commonmark.node.Node r = part.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                int col = 0;
                for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof TableCell cell) {
                        TextFlow flow = inline(cell);
                        flow.getStyleClass().add(cell.isHeader() ? "md-th" : "md-td");
                        grid.add(flow, col++, row);
                    }
                }
                row++;
            }
        }
        // columns share the width evenly and their text wraps inside: a lesson panel is narrow
        int columns = 0;
        for (javafx.scene.Node n : grid.getChildren()) {
            Integer c = GridPane.getColumnIndex(n);
            columns = Math.max(columns, c == null ? 1 : c + 1);
        }
        for (int c = 0; c < columns; c++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setFillWidth(true);
            grid.getColumnConstraints().add(cc);
        }
        grid.setMaxWidth(Double.MAX_VALUE);
        return grid;
    }

    /** A block's inline content as styled text runs. */
    private TextFlow inline(org.commonmark.node.Node parent) {
        TextFlow flow = new TextFlow();
        addInline(flow, parent, false, false, false);
        return flow;
    }

    private void addInline(TextFlow flow, org.commonmark.node.Node parent, boolean bold, boolean italic,
                           boolean link) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                flow.getChildren().add(run(t.getLiteral(), bold, italic, link, false));
            } else if (n instanceof Code c) {
                flow.getChildren().add(run(c.getLiteral(), bold, italic, link, true));
            } else if (n instanceof StrongEmphasis) {
                addInline(flow, n, true, italic, link);
            } else if (n instanceof Emphasis) {
                addInline(flow, n, bold, true, link);
            } else if (n instanceof Link) {
                // no browser here: a link shows its text (and the app has no network to follow it with)
                addInline(flow, n, bold, italic, true);
            } else if (n instanceof org.commonmark.node.HtmlInline h) {
                flow.getChildren().add(run(h.getLiteral(), bold, italic, link, false));
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(new Text(" "));
            } else if (n instanceof HardLineBreak) {
                flow.getChildren().add(new Text("\n"));
            } else {
                addInline(flow, n, bold, italic, link);
            }
        }
    }

    private static Text run(String text, boolean bold, boolean italic, boolean link, boolean code) {
        Text t = new Text(text);
        t.getStyleClass().add("md-text");
        if (bold) {
            t.getStyleClass().add("md-strong");
        }
        if (italic) {
            t.getStyleClass().add("md-em");
        }
        if (link) {
            t.getStyleClass().add("md-link");
        }
        if (code) {
            t.getStyleClass().add("md-code");
        }
        return t;
    }

    /** All the text in a node, for plain display. */
    static String textOf(org.commonmark.node.Node n) {
        StringBuilder sb = new StringBuilder();
        collect(n, sb);
        return sb.toString();
    }

    private static void collect(org.commonmark.node.Node n, StringBuilder sb) {
        if (n instanceof org.commonmark.node.Text t) {
            sb.append(t.getLiteral());
        } else if (n instanceof Code c) {
            sb.append(c.getLiteral());
        } else if (n instanceof org.commonmark.node.HtmlBlock h) {
            sb.append(h.getLiteral());
        } else if (n instanceof org.commonmark.node.HtmlInline h) {
            sb.append(h.getLiteral());
        }
        for (org.commonmark.node.Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            collect(c, sb);
        }
    }
}
