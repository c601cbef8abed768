package org.netsim.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every byte of a frame and of every data source in its tree owned exactly once; the arrays of a tree listed with
 * the fields and PDUs that count in each ({@link DataSources}).
 */
class CoverageTest {
    private static final FieldSpec A = FieldSpec.variable(Protocol.TCP, "t.a", "A", FieldFormat.BYTES, "a", null);
    private static final FieldSpec B = FieldSpec.variable(Protocol.WEBSOCKET, "w.b", "B", FieldFormat.BYTES, "b", null);
    private static final FieldSpec NOTE = FieldSpec.variable(Protocol.TCP, "t.note", "Note", FieldFormat.TEXT, "n",
            null);

    private static Field span(FieldSpec s, int from, int to) {
        return s.span(from, to - from, 0, null, null);
    }

    /** A 10-byte frame: a header [0, 4), then [4, 10) opening a 20-byte source whose children own {@code spans}. */
    private static Pdu frame(DataSource source, int[]... spans) {
        Pdu.Builder inner = Pdu.builder(Protocol.WEBSOCKET, 0);
        for (int[] s : spans) {
            inner.field(span(B, s[0], s[1]));
        }
        Pdu opener = Pdu.builder(Protocol.TCP, 4).source(source).field(span(A, 4, 10))
                .field(NOTE.span(4, 0, 0, null, "worked out")).child(inner.build()).build();
        return Pdu.builder(Protocol.TCP, 0).field(span(A, 0, 4)).child(opener).build();
    }

    private static DataSource twenty() {
        return DataSource.of("Reassembled TCP", Bytes.wrap(new byte[20]));
    }

    @Test
    void aSourceOwnedOnceAndAFrameOwnedOnceHaveNoProblem() {
        Pdu p = frame(twenty(), new int[] {0, 12}, new int[] {12, 20});
        assertThat(Coverage.problems(p, 0, 10)).isEmpty();
        // the opener ends where its bytes in the frame end, whatever its children count in
        assertThat(p.children().get(0).end()).isEqualTo(10);
        assertThat(p.allFields()).extracting(Field::key).containsExactly("t.a", "t.a", "t.note");
    }

    @Test
    void gapsAndOverlapsInASourceAreNamedWithTheSource() {
        assertThat(Coverage.problems(frame(twenty(), new int[] {0, 12}), 0, 10))
                .containsExactly("Reassembled TCP (20 bytes): gap: bits [96, 160) at the end");
        assertThat(Coverage.problems(frame(twenty(), new int[] {0, 12}, new int[] {10, 20}), 0, 10))
                .containsExactly("Reassembled TCP (20 bytes): overlap: w.b starts at bit 80 inside w.b (ends at bit "
                        + "96)");
        assertThat(Coverage.problems(frame(twenty(), new int[] {0, 24}), 0, 10)).containsExactly(
                "Reassembled TCP (20 bytes): overrun: fields reach bit 192 past the end at bit 160",
                "Reassembled TCP (20 bytes): WebSocket [0, 24) lies outside it");
        // the frame's own check is unchanged: its bytes past the fields are a gap
        assertThat(Coverage.problems(frame(twenty(), new int[] {0, 20}), 0, 12))
                .containsExactly("gap: bits [80, 96) at the end");
    }

    @Test
    void theArraysOfATreeAreListedFrameFirstNestedAfterTheirHolderFieldsTiedByIdentity() {
        // an inflated body inside a reassembled message: three arrays
        Pdu body = Pdu.builder(Protocol.ENGINEIO, 0).field(span(B, 0, 3)).build();
        Pdu inflater = Pdu.builder(Protocol.HTTP, 12).source(DataSource.of("Uncompressed entity body",
                Bytes.wrap(new byte[3]))).child(body).end(20).build();
        Pdu http = Pdu.builder(Protocol.HTTP, 0).field(span(B, 0, 12)).field(span(B, 12, 20)).child(inflater)
                .build();
        DataSource reassembled = new DataSource("Reassembled TCP", Bytes.wrap(new byte[20]), List.of(
                new DataSource.Piece("frame 3", 0, 14), new DataSource.Piece("frame 4", 14, 6)));
        Pdu opener = Pdu.builder(Protocol.TCP, 4).source(reassembled).field(span(A, 4, 10)).child(http).build();
        Pdu root = Pdu.builder(Protocol.TCP, 0).field(span(A, 0, 4)).child(opener).build();
        byte[] frame = new byte[10];
        assertThat(Coverage.problems(root, 0, 10)).isEmpty();

        DataSources s = DataSources.of(root, frame);
        assertThat(s.list()).extracting(DataSources.Source::title).containsExactly("Frame (10 bytes)",
                "Reassembled TCP (20 bytes)", "Uncompressed entity body (3 bytes)");
        assertThat(s.frame().bytes()).isSameAs(frame);
        assertThat(s.get(1).opener()).isSameAs(opener);
        assertThat(s.openedBy(inflater)).isSameAs(s.get(2));
        assertThat(s.sourceOf(opener)).isSameAs(s.frame());
        assertThat(s.sourceOf(inflater)).isSameAs(s.get(1));
        assertThat(s.sourceOf(body).index()).isEqualTo(2);
        assertThat(s.get(1).pdus()).containsExactly(http, inflater);
        assertThat(s.get(1).source().pieces()).extracting(DataSource.Piece::end).containsExactly(14, 20);
        // two fields equal as values, in two arrays: each found in its own
        Field inFrame = root.fields().get(0);
        Field sameValue = span(A, 0, 4);
        assertThat(sameValue).isEqualTo(inFrame);
        assertThat(s.sourceOf(inFrame)).isSameAs(s.frame());
        assertThat(s.sourceOf(sameValue)).isNull();
        assertThat(s.get(1).ownerOf(13)).isSameAs(http.fields().get(1));
        assertThat(s.get(2).ownerOf(2)).isSameAs(body.fields().get(0));
        assertThat(s.frame().ownerOf(5)).isSameAs(opener.fields().get(0));
        assertThat(s.get(2).ownerOf(3)).isNull();
    }

    @Test
    void aTreeWithoutDataSourcesIsOneArray() {
        Pdu root = Pdu.builder(Protocol.TCP, 0).field(span(A, 0, 4)).build();
        assertThat(DataSources.of(root, new byte[4]).list()).singleElement()
                .satisfies(f -> assertThat(f.isFrame()).isTrue());
        assertThat(Coverage.problems(root, 0, 4)).isEmpty();
    }
}
