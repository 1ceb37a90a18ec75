// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.tap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.tests.server.StandInServer;
import io.cadc4j.votable.VOTableReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A row's nullness is what the reader said, in the cursor and in its {@link RowCursor#snapshot()}
 * alike: a BINARY2 NaN whose null flag is clear is a value (the flag is authoritative), a flagged
 * cell is null whatever its bytes, and a TABLEDATA NaN is null (VOTable 1.3). Read from documents
 * written byte by byte here, directly and through the facade against a stand-in {@code /sync}.
 */
class SnapshotNullsTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
            + "<RESOURCE type=\"results\"><INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n<TABLE>\n"
            + "<FIELD name=\"d\" datatype=\"double\"/>\n<FIELD name=\"f\" datatype=\"float\"/>\n"
            + "<FIELD name=\"s\" datatype=\"char\" arraysize=\"*\"/>\n";
    private static final String TAIL = "</TABLE>\n</RESOURCE>\n</VOTABLE>\n";

    /**
     * Three BINARY2 rows (VOTable 1.4 section 5.6: a null bitmap, then every cell's bytes): an
     * unflagged NaN double, NaN float and empty string; the same three flagged, with the bytes of
     * 1.5, 2.5 and ''; and 3.25, an unflagged NaN float and "x".
     */
    static byte[] binary2() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(raw);
        out.writeByte(0x00);
        out.writeDouble(Double.NaN);
        out.writeFloat(Float.NaN);
        out.writeInt(0);
        out.writeByte(0xE0);
        out.writeDouble(1.5);
        out.writeFloat(2.5f);
        out.writeInt(0);
        out.writeByte(0x00);
        out.writeDouble(3.25);
        out.writeFloat(Float.NaN);
        out.writeInt(1);
        out.writeByte('x');
        String stream = Base64.getMimeEncoder().encodeToString(raw.toByteArray());
        return (HEAD + "<DATA><BINARY2><STREAM encoding=\"base64\">" + stream + "</STREAM></BINARY2></DATA>\n"
                + TAIL).getBytes(StandardCharsets.US_ASCII);
    }

    /** The same cells in TABLEDATA, where a NaN is null and so is an empty cell. */
    static byte[] tableData() {
        return (HEAD + "<DATA><TABLEDATA>\n<TR><TD>NaN</TD><TD>NaN</TD><TD/></TR>\n"
                + "<TR><TD/><TD/><TD/></TR>\n<TR><TD>3.25</TD><TD>NaN</TD><TD>x</TD></TR>\n"
                + "</TABLEDATA></DATA>\n" + TAIL).getBytes(StandardCharsets.US_ASCII);
    }

    /** Per row, per column: what the cursor said (isNull, getObject) and what its snapshot says. */
    private static final class Seen {
        final List<String> cursor = new ArrayList<>();
        final List<String> snapshot = new ArrayList<>();
    }

    private static Seen read(RowCursor rows) {
        Seen seen = new Seen();
        while (rows.next()) {
            Row copy = rows.snapshot();
            for (int c = 0; c < rows.columnCount(); c++) {
                seen.cursor.add(describe(rows.isNull(c), rows.getObject(c)));
                seen.snapshot.add(describe(copy.isNull(c), copy.getObject(c)));
            }
        }
        return seen;
    }

    private static String describe(boolean isNull, Object value) {
        return isNull ? "null" : String.valueOf(value).isEmpty() ? "''" : String.valueOf(value);
    }

    @Test
    void anUnflaggedBinary2NanIsAValueInTheSnapshotAsInTheCursor() throws IOException {
        Seen seen;
        try (RowCursor rows = VOTableReader.builder().build().open(new ByteArrayInputStream(binary2()))) {
            seen = read(rows);
        }
        assertThat(seen.cursor).containsExactly("NaN", "NaN", "''", "null", "null", "null", "3.25", "NaN", "x");
        assertThat(seen.snapshot).isEqualTo(seen.cursor);
    }

    @Test
    void aTableDataNanIsNullInTheSnapshotAsInTheCursor() {
        Seen seen;
        try (RowCursor rows = VOTableReader.builder().build().open(new ByteArrayInputStream(tableData()))) {
            seen = read(rows);
        }
        assertThat(seen.cursor).containsExactly("null", "null", "null", "null", "null", "null", "3.25", "null", "x");
        assertThat(seen.snapshot).isEqualTo(seen.cursor);
    }

    @Test
    void theFacadeKeepsTheReadersNullsInSnapshots() throws IOException {
        byte[] doc = binary2();
        try (StandInServer server = StandInServer.start()) {
            server.route("POST", "/tap/sync", ex -> {
                ex.header("Content-Type", "application/x-votable+xml");
                ex.send(200, doc);
            });
            List<Row> kept = new ArrayList<>();
            try (Cadc cadc = Cadc.create(server.uri("/tap"));
                 RowCursor rows = cadc.execSync("select d, f, s from t")) {
                while (rows.next()) {
                    kept.add(rows.snapshot());
                }
            }
            assertThat(kept).hasSize(3);
            assertThat(kept.get(0).isNull(0)).as("unflagged NaN double").isFalse();
            assertThat(kept.get(0).getDouble(0)).isNaN();
            assertThat(kept.get(0).isNull(1)).as("unflagged NaN float").isFalse();
            assertThat(kept.get(0).getObject(1)).isEqualTo(Float.NaN);
            assertThat(kept.get(0).getObject(2)).isEqualTo("");
            assertThat(kept.get(1).isNull(0)).as("flagged 1.5").isTrue();
            assertThat(kept.get(1).getObject(0)).isNull();
            assertThat(kept.get(1).isNull(1)).isTrue();
            assertThat(kept.get(1).isNull(2)).isTrue();
            assertThat(kept.get(2).getDouble(0)).isEqualTo(3.25);
            assertThat(kept.get(2).isNull(1)).isFalse();
            assertThat(server.requests("/tap/sync")).hasSize(1);
        }
    }
}
