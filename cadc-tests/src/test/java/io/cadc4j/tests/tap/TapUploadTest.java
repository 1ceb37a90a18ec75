// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.core.tap.AsyncJob;
import io.cadc4j.core.tap.ExecutionPhase;
import io.cadc4j.core.tap.TableUpload;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.votable.Serialization;
import io.cadc4j.votable.VOTableWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TapUploadTest {
    private static final TableMetadata TARGETS = TableMetadata.of("targets",
            List.of(Field.builder("name", "char").arraysize("*").build(), Field.builder("ra", "double").build(),
                    Field.builder("dec", "double").build()),
            List.of());

    private final TapSetup setup = new TapSetup();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        setup.close();
    }

    /** One row per upload the stand-in received: name, source, bytes, is_votable, tr_rows. */
    private static List<List<String>> echo(RowCursor rows) {
        List<List<String>> out = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                out.add(List.of(rows.getString(0), rows.getString(1), rows.getString(2), Boolean.toString(rows.getBoolean(3)),
                        rows.getString(4)));
            }
        }
        return out;
    }

    private Path votableFile(int rows) throws IOException {
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            list.add(Row.of("t" + i, 131.0 + i, 54.0));
        }
        Path file = dir.resolve("targets.xml");
        try (var out = Files.newOutputStream(file)) {
            VOTableWriter.of(Serialization.TABLEDATA).write(TARGETS, list, out);
        }
        return file;
    }

    @Test
    void uploadsAVotableFileAsAMultipartPart() throws IOException {
        Path file = votableFile(2);

        List<List<String>> got = echo(setup.tap.query(TapQuery.builder("select * from tap_upload.mine")
                .upload(TableUpload.ofFile("mine", file)).build()));

        assertThat(got).containsExactly(List.of("mine", "param:mine", Long.toString(Files.size(file)), "true", "2"));
        assertThat(setup.service.server().requests("/tap/sync").get(0).headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("multipart/form-data"));
    }

    @Test
    void uploadsRowsFromMemoryWrittenByTheVotableWriter() {
        List<Row> rows = List.of(Row.of("a", 1.0, 2.0), Row.of("b", 3.0, 4.0), Row.of("c", 5.0, 6.0));

        List<List<String>> got = echo(setup.tap.query(TapQuery.builder("select * from tap_upload.mem")
                .upload(TableUpload.ofWriter("mem", VOTableWriter.of(Serialization.TABLEDATA).bodyWriter(TARGETS, rows),
                        true)).build()));

        assertThat(got).singleElement().satisfies(r -> {
            assertThat(r.subList(0, 2)).containsExactly("mem", "param:mem");
            assertThat(r.subList(3, 5)).containsExactly("true", "3");
        });
    }

    @Test
    void streamsRowsFromASourceStraightIntoTheBody() {
        AtomicLong made = new AtomicLong();
        Iterable<Row> source = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return made.get() < 2000;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long i = made.getAndIncrement();
                return Row.of("s" + i, i / 10.0, -i / 20.0);
            }
        };

        List<List<String>> got = echo(setup.tap.query(TapQuery.builder("select * from tap_upload.streamed")
                .upload(TableUpload.ofWriter("streamed",
                        VOTableWriter.of(Serialization.BINARY2).bodyWriter(TARGETS, source), false)).build()));

        assertThat(made.get()).isEqualTo(2000);
        assertThat(got).singleElement().satisfies(r -> {
            assertThat(r.get(0)).isEqualTo("streamed");
            assertThat(Long.parseLong(r.get(2))).isGreaterThan(2000L * 16);
            assertThat(r.get(3)).isEqualTo("true");
        });
    }

    @Test
    void uploadsByUrlWithoutMultipartAndSeveralTablesTogether() throws IOException {
        URI remote = URI.create("http://example.org/targets.xml");
        Path file = votableFile(1);

        List<List<String>> byUrl = echo(setup.tap.query(TapQuery.builder("select * from tap_upload.remote")
                .upload(TableUpload.ofUrl("remote", remote)).build()));
        List<List<String>> both = echo(setup.tap.query(TapQuery.builder("select * from tap_upload.a, tap_upload.b")
                .upload(TableUpload.ofFile("a", file)).upload(TableUpload.ofUrl("b", remote)).build()));

        assertThat(byUrl).containsExactly(List.of("remote", remote.toString(), "-1", "false", "-1"));
        assertThat(setup.service.server().requests("/tap/sync").get(0).bodyText())
                .contains("UPLOAD=remote%2Chttp%3A%2F%2Fexample.org%2Ftargets.xml");
        assertThat(both).extracting(r -> r.get(0) + " " + r.get(1))
                .containsExactly("a param:a", "b " + remote);
    }

    @Test
    void missingUnreadableAndNonVotableFilesAreRefusedBeforeSending() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "ra,dec\n1,2\n", StandardCharsets.UTF_8);
        Path directory = Files.createDirectory(dir.resolve("adir"));

        assertThatThrownBy(() -> setup.tap.query(TapQuery.builder("select 1")
                .upload(TableUpload.ofFile("t", dir.resolve("missing.xml"))).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file")
                .hasMessageContaining("missing.xml");
        assertThatThrownBy(() -> setup.tap.query(TapQuery.builder("select 1")
                .upload(TableUpload.ofFile("t", directory)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> setup.tap.submit(TapQuery.builder("select 1")
                .upload(TableUpload.ofFile("t", text)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a VOTable");
        assertThat(setup.service.server().requests("/tap/sync")).isEmpty();
        assertThat(setup.service.server().requests("/tap/async")).isEmpty();
    }

    @Test
    void uploadOverTheAdvertisedLimitIsRefusedBeforeSending() throws IOException {
        setup.service.uploadLimitBytes(200);
        Path file = votableFile(20);

        assertThatThrownBy(() -> setup.tap.query(TapQuery.builder("select * from tap_upload.big")
                .upload(TableUpload.ofFile("big", file)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 200 bytes");
        assertThat(setup.service.server().requests("/tap/capabilities")).hasSize(1);
        assertThat(setup.service.server().requests("/tap/sync")).isEmpty();
    }

    @Test
    void asyncJobCarriesItsUpload() throws IOException, InterruptedException {
        Path file = votableFile(4);
        AsyncJob job = setup.tap.submit(TapQuery.builder("select * from tap_upload.mine")
                .upload(TableUpload.ofFile("mine", file)).build());
        job.run();

        assertThat(job.awaitCompletion(Duration.ofSeconds(20))).isEqualTo(ExecutionPhase.COMPLETED);
        assertThat(echo(job.fetchResult())).singleElement().satisfies(r -> assertThat(r.get(4)).isEqualTo("4"));
    }
}
