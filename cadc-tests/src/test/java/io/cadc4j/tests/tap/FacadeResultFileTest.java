// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.tap.ResultFormat;
import io.cadc4j.core.tap.TapQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Cadc.execSync(query, file)} goes through the TAP port's writer, with the real adapters
 * against the stand-in TAP service: the file is the port's, and an error status after the rows
 * (which no look at the start of the document can see) leaves no file.
 */
class FacadeResultFileTest {
    private final TapSetup setup = new TapSetup();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        setup.close();
    }

    private Cadc cadc() {
        return Cadc.create(setup.service.base());
    }

    @Test
    void votableFileIsTheDocumentThePortWrites() throws IOException {
        Path viaFacade = dir.resolve("facade.xml");
        Path viaPort = dir.resolve("port.xml");
        long n;
        try (Cadc cadc = cadc()) {
            n = cadc.execSync(TapQuery.of("select * from caom2.Plane"), viaFacade);
        }
        setup.tap.writeResult(TapQuery.of("select * from caom2.Plane"), ResultFormat.VOTABLE, viaPort);

        assertThat(Files.readAllBytes(viaFacade)).isEqualTo(Files.readAllBytes(viaPort));
        assertThat(n).isEqualTo(Files.size(viaFacade)).isPositive();
    }

    @Test
    void csvIsWrittenWhenTheQueryAsksForIt() throws IOException {
        Path file = dir.resolve("planes.csv");
        try (Cadc cadc = cadc()) {
            cadc.execSync(TapQuery.builder("select * from caom2.Plane").responseFormat("csv").build(), file);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("publisherID,").contains("\r\n");
    }

    @Test
    void fitsAndEcsvAreWrittenWhenTheQueryAsksForThem() throws IOException {
        Path fits = dir.resolve("planes.fits");
        Path ecsv = dir.resolve("planes.ecsv");
        try (Cadc cadc = cadc()) {
            cadc.execSync(TapQuery.builder("select * from caom2.Plane").responseFormat("fits").build(), fits);
            cadc.execSync(TapQuery.builder("select * from caom2.Plane").responseFormat("ecsv").build(), ecsv);
        }
        byte[] b = Files.readAllBytes(fits);
        assertThat(new String(b, 0, 30, StandardCharsets.US_ASCII)).isEqualTo("SIMPLE  =                    T");
        assertThat(new String(b, 2880, 20, StandardCharsets.US_ASCII)).isEqualTo("XTENSION= 'BINTABLE'");
        assertThat(Files.readString(ecsv, StandardCharsets.UTF_8)).startsWith("# %ECSV 1.0\n").contains("publisherID,");
    }

    @Test
    void anErrorAfterTheRowsLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("keep.xml"), "old content", StandardCharsets.UTF_8);
        try (Cadc cadc = cadc()) {
            assertThatThrownBy(() -> cadc.execSync(TapQuery.of("select * from caom2.Plane fault.error_after_rows"), file))
                    .isInstanceOf(QueryException.class).hasMessageContaining("timed out after the rows");
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("old content");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }
}
