// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.votable.Serialization;
import io.cadc4j.votable.VOTableReader;
import io.cadc4j.votable.VOTableWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultWritersTest {
    @TempDir
    Path dir;

    private static final String[] TEXTS = {"plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "tab\there",
        "back\\slash", "caf\u00e9 \u20ac \ud83d\ude00", "", null, "\"", ",", "ivo://cadc.nrc.ca/CFHT?2460001/2460001p"};

    /** The rows as a VOTable read back by the reader, so that text cells come as its views, not Strings. */
    private static RowCursor rows(Serialization s) throws IOException {
        TableMetadata meta = TableMetadata.builder().name("t")
                .field(Field.builder("text", "char").arraysize("*").build())
                .field(Field.builder("n", "int").build())
                .field(Field.builder("ok", "boolean").build())
                .field(Field.builder("wide", "unicodeChar").arraysize("*").build())
                .build();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < TEXTS.length; i++) {
            rows.add(Row.of(TEXTS[i], i, i % 3 == 0 ? null : i % 2 == 0, TEXTS[TEXTS.length - 1 - i]));
        }
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        VOTableWriter.of(s).write(meta, rows, doc);
        return VOTableReader.builder().build().open(new ByteArrayInputStream(doc.toByteArray()), URI.create("test:t"));
    }

    private static String delimited(Serialization s, boolean csv) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowCursor rows = rows(s)) {
            ResultWriters.delimited(rows, out, csv);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTextCellsOfEveryKindToCsvAndTsvFromTheReadersViews() throws IOException {
        for (Serialization s : Serialization.values()) {
            String csv = delimited(s, true);
            String tsv = delimited(s, false);

            // TABLEDATA and BINARY read an empty string as null; BINARY2 keeps it, and CSV writes it as ""
            String empty = s == Serialization.BINARY2 ? "\"\"" : "";
            assertThat(csv).as("%s", s).isEqualTo("text,n,ok,wide\r\n"
                    + "plain,0,,ivo://cadc.nrc.ca/CFHT?2460001/2460001p\r\n"
                    + "\"a,b\",1,false,\",\"\r\n"
                    + "\"say \"\"hi\"\"\",2,true,\"\"\"\"\r\n"
                    + "\"two\nlines\",3,,\r\n"
                    + "\"cr\rhere\",4,true," + empty + "\r\n"
                    + "tab\there,5,false,caf\u00e9 \u20ac \ud83d\ude00\r\n"
                    + "back\\slash,6,,back\\slash\r\n"
                    + "caf\u00e9 \u20ac \ud83d\ude00,7,false,tab\there\r\n"
                    + empty + ",8,true,\"cr\rhere\"\r\n"
                    + ",9,,\"two\nlines\"\r\n"
                    + "\"\"\"\",10,true,\"say \"\"hi\"\"\"\r\n"
                    + "\",\",11,false,\"a,b\"\r\n"
                    + "ivo://cadc.nrc.ca/CFHT?2460001/2460001p,12,,plain\r\n");
            assertThat(tsv).as("%s", s).isEqualTo("text\tn\tok\twide\n"
                    + "plain\t0\t\tivo://cadc.nrc.ca/CFHT?2460001/2460001p\n"
                    + "a,b\t1\tfalse\t,\n"
                    + "say \"hi\"\t2\ttrue\t\"\n"
                    + "two\\nlines\t3\t\t\n"
                    + "cr\\rhere\t4\ttrue\t\n"
                    + "tab\\there\t5\tfalse\tcaf\u00e9 \u20ac \ud83d\ude00\n"
                    + "back\\\\slash\t6\t\tback\\\\slash\n"
                    + "caf\u00e9 \u20ac \ud83d\ude00\t7\tfalse\ttab\\there\n"
                    + "\t8\ttrue\tcr\\rhere\n"
                    + "\t9\t\ttwo\\nlines\n"
                    + "\"\t10\ttrue\tsay \"hi\"\n"
                    + ",\t11\tfalse\ta,b\n"
                    + "ivo://cadc.nrc.ca/CFHT?2460001/2460001p\t12\t\tplain\n");
        }
    }

    @Test
    void jsonKeepsTheEmptyStringApartFromNullWhereTheDocumentDoes() throws IOException {
        for (Serialization s : Serialization.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (RowCursor rows = rows(s)) {
                ResultWriters.json(rows, out);
            }
            String json = out.toString(StandardCharsets.UTF_8);
            String empty = s == Serialization.BINARY2 ? "\"\"" : "null";
            assertThat(json).as("%s", s).contains("[" + empty + ",8,true,\"cr\\rhere\"]")
                    .contains("[null,9,null,\"two\\nlines\"]")
                    .contains("[\"cr\\rhere\",4,true," + empty + "]");
        }
    }

    @Test
    void csvQuotesOnlyFieldsWithCommasQuotesOrLineBreaks() {
        assertThat(ResultWriters.csvField("plain 1.5")).isEqualTo("plain 1.5");
        assertThat(ResultWriters.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ResultWriters.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ResultWriters.csvField("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void tsvEscapesTabsLineBreaksAndBackslashes() {
        assertThat(ResultWriters.tsvField("plain, text")).isEqualTo("plain, text");
        assertThat(ResultWriters.tsvField("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
    }

    @Test
    void atomicWriteReplacesTheTargetOnlyWhenTheBodyCompletes() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ResultWriters.atomically(target, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new CadcException("the server went away");
        })).isInstanceOf(CadcException.class).hasMessage("the server went away");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }

        ResultWriters.atomically(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void refusesATargetInAMissingDirectoryOrADirectory() {
        assertThatThrownBy(() -> ResultWriters.atomically(dir.resolve("nope/out.csv"), out -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directory does not exist");
        assertThatThrownBy(() -> ResultWriters.atomically(dir, out -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a directory");
    }

    @Test
    void xmlIsToldFromTextAndHtmlByItsStart() {
        assertThat(Responses.looksLikeXml("\uFEFF  <?xml version='1.0'?><VOTABLE/>".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(Responses.looksLikeXml(new byte[] {0x1f, (byte) 0x8b, 8})).isTrue();
        assertThat(Responses.looksLikeXml("IllegalArgumentException: bad".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Responses.looksLikeXml("<!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(Responses.readable("<html><head><title>x</title></head><body><p>down  now</p></body></html>"
                .getBytes(StandardCharsets.UTF_8), "text/html")).isEqualTo("down now");
    }
}
