// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.samp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.votable.VOTableReader;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.SampUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SampClient against JSAMP's hub, in-process on loopback, with recording clients. */
class SampClientTest {
    private static final TableMetadata TABLE = TableMetadata.builder()
            .field(Field.builder("id", "long").build())
            .field(Field.builder("ra", "double").unit("deg").build())
            .field(Field.builder("name", "char").arraysize("*").build())
            .build();

    @TempDir
    Path dir;

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (long i = 0; i < 500; i++) {
            rows.add(Row.of(i, i / 10.0, i % 7 == 0 ? null : "row " + i + " Ångström"));
        }
        return rows;
    }

    /** Reads the table a message points at, as the receiving tool would. */
    private static List<String> readTable(Message m) throws Exception {
        URL url = new URL((String) m.getParam("url"));
        List<String> out = new ArrayList<>();
        try (InputStream in = url.openStream(); RowCursor c = VOTableReader.builder().build().open(in)) {
            assertThat(c.metadata().fields()).extracting(Field::name).containsExactly("id", "ra", "name");
            assertThat(c.metadata().fields().get(1).unit()).hasValue("deg");
            while (c.next()) {
                out.add(c.getLong(0) + "|" + c.getDouble(1) + "|" + c.getString(2));
            }
        }
        return out;
    }

    private static List<String> expected() {
        List<String> out = new ArrayList<>();
        for (Row r : rows()) {
            out.add(r.getLong(0) + "|" + r.getDouble(1) + "|" + r.getString(2));
        }
        return out;
    }

    @Test
    void aTableReachesEverySubscribedClientAndParsesToTheSameRows() throws Exception {
        try (SampHubFixture hub = new SampHubFixture(dir)) {
            List<List<String>> tables = new CopyOnWriteArrayList<>();
            SampHubFixture.Recorder topcat = hub.recorder("topcat", List.of("table.load.votable"),
                    m -> tables.add(readTable(m)));
            SampHubFixture.Recorder aladin = hub.recorder("Aladin", List.of("table.load.votable", "image.load.fits"),
                    m -> tables.add(readTable(m)));
            SampHubFixture.Recorder ds9 = hub.recorder("ds9", List.of("image.load.fits"), m -> { });
            try (SampClient samp = SampClient.builder().lockFile(hub.lockFile).build();
                 RowCursor rows = RowCursor.of(TABLE, rows())) {
                assertThat(samp.clients()).extracting(SampPeer::label).containsExactlyInAnyOrder("topcat", "Aladin", "ds9");
                assertThat(samp.clients(SampClient.TABLE_LOAD_VOTABLE)).extracting(SampPeer::label)
                        .containsExactlyInAnyOrder("topcat", "Aladin");

                SampDelivery d = samp.sendTable(rows, "region around M44");

                assertThat(d.mtype()).isEqualTo("table.load.votable");
                assertThat(d.accepted()).extracting(SampPeer::label).containsExactlyInAnyOrder("topcat", "Aladin");
                assertThat(d.failed()).isEmpty();
            }
            assertThat(tables).hasSize(2).allSatisfy(t -> assertThat(t).isEqualTo(expected()));
            assertThat(ds9.received).isEmpty();
            Message m = topcat.received.get(0);
            assertThat(m.getMType()).isEqualTo("table.load.votable");
            assertThat(m.getParam("name")).isEqualTo("region around M44");
            assertThat((String) m.getParam("table-id")).startsWith("cadc4j-");
            assertThat(aladin.received.get(0).getParam("table-id")).isEqualTo(m.getParam("table-id"));
            // every client has answered, so the temporary file is gone
            assertThat(Files.exists(SampUtils.urlToFile(new URL((String) m.getParam("url"))).toPath())).isFalse();
        }
    }

    @Test
    void aTargetGetsTheTableAloneAndAnUnknownTargetNamesTheRunningClients() throws Exception {
        try (SampHubFixture hub = new SampHubFixture(dir)) {
            SampHubFixture.Recorder topcat = hub.recorder("topcat", List.of("table.load.votable"), m -> readTable(m));
            SampHubFixture.Recorder aladin = hub.recorder("Aladin", List.of("table.load.votable"), m -> readTable(m));
            try (SampClient samp = SampClient.builder().lockFile(hub.lockFile).target("TOPCAT").build()) {
                SampDelivery d = samp.sendTable(RowCursor.of(TABLE, rows()), "t");
                assertThat(d.accepted()).extracting(SampPeer::label).containsExactly("topcat");
            }
            assertThat(topcat.received).hasSize(1);
            assertThat(aladin.received).isEmpty();
            try (SampClient samp = SampClient.builder().lockFile(hub.lockFile).target("ds9").build()) {
                assertThatThrownBy(() -> samp.sendTable(RowCursor.of(TABLE, rows()), "t"))
                        .isInstanceOf(SampException.class)
                        .hasMessageStartingWith("no SAMP client named 'ds9'; running: ")
                        .hasMessageContaining("topcat").hasMessageContaining("Aladin");
            }
        }
    }

    @Test
    void aFitsImageIsSentByUrlAndARefusalIsReported() throws Exception {
        Path fits = Files.write(dir.resolve("cutout.fits"), new byte[2880]);
        try (SampHubFixture hub = new SampHubFixture(dir)) {
            SampHubFixture.Recorder ds9 = hub.recorder("ds9", List.of("image.load.fits"), m -> { });
            hub.recorder("broken", List.of("image.load.fits"), m -> {
                throw new IllegalStateException("cannot open it");
            });
            try (SampClient samp = SampClient.builder().lockFile(hub.lockFile).build()) {
                SampDelivery d = samp.sendImage(fits, "cutout.fits");
                assertThat(d.mtype()).isEqualTo("image.load.fits");
                assertThat(d.accepted()).extracting(SampPeer::label).containsExactly("ds9");
                assertThat(d.failed()).hasSize(1);
                assertThat(d.failed().values()).containsExactly("cannot open it");
                assertThatThrownBy(() -> samp.sendTable(RowCursor.of(TABLE, rows()), "t"))
                        .isInstanceOf(SampException.class)
                        .hasMessageContaining("no SAMP client accepts table.load.votable (tables)")
                        .hasMessageContaining("start TOPCAT or Aladin");
            }
            Message m = ds9.received.get(0);
            assertThat(SampUtils.urlToFile(new URL((String) m.getParam("url"))).toPath()).isEqualTo(fits.toAbsolutePath());
            assertThat(fits).exists();
        }
    }

    @Test
    void noHubIsAClearErrorThatSaysWhatToStart() {
        assertThatThrownBy(() -> SampClient.builder().lockFile(dir.resolve("no-such.lock")).build())
                .isInstanceOf(SampException.class)
                .hasMessageStartingWith("no SAMP hub is running")
                .hasMessageContaining("start TOPCAT or Aladin");
    }
}
