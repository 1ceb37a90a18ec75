// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.interop.facade;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.tests.cli.CadcProcess;
import io.cadc4j.tests.interop.Dachs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cadc} command run as a real process ({@code java -jar ../cadc-cli/target/cadc.jar})
 * against a real GAVO DaCHS server, through its CADC-style registry file. Skipped, with the
 * reason, when the server is not running or the jar has not been built.
 */
@Tag("interop")
class DachsCadcCommandTest {
    private static final Path JAR = CadcProcess.JAR;
    private static final long DEADLINE_SECONDS = 120;
    private static final String PUBLIC_PLANE = "ivo://cadc.nrc.ca/CFHT?2366419/2366419p";
    private static final String PRIVATE_PLANE = "ivo://cadc.nrc.ca/CFHT?2366504/2366504p";

    @TempDir
    Path dir;

    private int code;
    private String out;
    private String err;

    @BeforeEach
    void requireServerAndJar() {
        Dachs.assumeRunning();
        CadcProcess.assumeBuilt();
    }

    private int cadc(String... args) throws IOException, InterruptedException {
        List<String> withRegistry = new ArrayList<>(Arrays.asList(args));
        withRegistry.add("--registry=" + Dachs.url("/static/reg/resource-caps"));
        CadcProcess p = CadcProcess.run(dir, dir.resolve("state"), withRegistry.toArray(new String[0]));
        code = p.code();
        out = p.out();
        err = p.err();
        return code;
    }

    /**
     * Runs a shell line in which {@code cadc} is the command (the jar, with DaCHS's registry given
     * by {@code $R}), so that pipes and redirections are the shell's.
     */
    private int shell(String line) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "cadc() { '" + java + "' -jar '" + JAR + "' \"$@\"; }\nR=--registry="
                + Dachs.url("/static/reg/resource-caps") + "\n" + line;
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(devNull()))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(line + " did not end within " + DEADLINE_SECONDS + " s");
        }
        code = p.exitValue();
        out = Files.readString(stdout, StandardCharsets.UTF_8);
        err = Files.readString(stderr, StandardCharsets.UTF_8);
        return code;
    }

    private Path netrc() throws IOException {
        return Files.writeString(dir.resolve("netrc"), "machine " + Dachs.baseUrl().getHost() + " login "
                + Dachs.USER + " password " + Dachs.PASSWORD + "\n");
    }

    @Test
    void urlsPipedIntoDownloadFetchEveryUrl() throws Exception {
        netrc();
        assertThat(shell("cadc $R urls --query 'select top 6 publisherID from caom2.Plane order by publisherID' "
                + "> urls.txt && cadc $R urls --query 'select top 6 publisherID from caom2.Plane order by publisherID' "
                + "| cadc --netrc=netrc download -d data")).as(describe()).isZero();
        List<String> urls = Files.readAllLines(dir.resolve("urls.txt"));
        assertThat(urls).hasSizeGreaterThan(1);
        assertThat(lines()).hasSameSizeAs(urls).allSatisfy(l -> assertThat(dir.resolve(l)).isRegularFile());
        assertThat(out + err).doesNotContain(Dachs.PASSWORD);
    }

    @Test
    void aPrivateFileWithoutCredentialsExitsFiveWithTheHint() throws Exception {
        assertThat(cadc("urls", "--query", "select publisherID from caom2.Plane where publisherID = '"
                + PRIVATE_PLANE + "'")).as(describe()).isZero();
        String url = lines().get(0);
        assertThat(cadc("download", url, "-d", dir.resolve("files").toString())).as(describe()).isEqualTo(5);
        assertThat(err).contains("401").contains("Authentication Required").contains("hint:").contains("--netrc")
                .contains("--user").contains("--cert").doesNotContain("invalid@example.com");
    }

    @Test
    void aRegionQueryRedirectedToAFileHoldsEveryColumn() throws Exception {
        assertThat(shell("cadc $R region '08h45m07.5s +54d18m00s' --radius '0.01 deg' --collection CFHT > out.txt && "
                + "cadc $R region '08h45m07.5s +54d18m00s' --radius '0.01 deg' --collection CFHT --format csv "
                + "> out.csv")).as(describe()).isZero();
        String[] csvHeader = Files.readAllLines(dir.resolve("out.csv")).get(0).split(",");
        List<String> table = Files.readAllLines(dir.resolve("out.txt"));
        assertThat(csvHeader.length).isGreaterThan(20);
        assertThat(table.get(0).split("\\s+")).containsExactly(csvHeader);
        assertThat(table.get(table.size() - 1)).matches("\\(\\d+ rows\\)");
    }

    @Test
    void downloadOfAUrlAsksNoRegistry() throws Exception {
        String url = Dachs.url("/getproduct/caom2/data/fits/CFHT_2366419p.fits").toString();
        // no --registry: the default is CADC's, which cannot be reached from here
        assertThat(shell("cadc -v --timeout 30s download '" + url + "' -d data")).as(describe()).isZero();
        assertThat(Path.of(dir.resolve(out.strip()).toString())).isRegularFile();
        assertThat(err.lines().filter(l -> l.startsWith("cadc: debug: ")))
                .isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("cadc: debug: GET " + url));
    }

    private static java.io.File devNull() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private List<String> lines() {
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
    }

    private String describe() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }

    @Test
    void queryWithALimitWarnsOfTheOverflow() throws Exception {
        assertThat(cadc("query", "--maxrec", "3", "select publisherID from caom2.Plane order by publisherID",
                "--format", "csv")).as(describe()).isZero();
        assertThat(lines()).hasSize(4).first().isEqualTo("publisherID");
        assertThat(err).contains("overflow").contains("3");
    }

    @Test
    void asyncQueryPrintsTheResult() throws Exception {
        assertThat(cadc("query", "--async", "select top 3 obsID, collection from caom2.Observation order by obsID",
                "--format", "csv", "--timeout", "90s")).as(describe()).isZero();
        assertThat(lines()).hasSize(4).first().isEqualTo("obsID,collection");
    }

    @Test
    void queryWithAnUploadJoinsIt() throws Exception {
        Path table = Files.writeString(dir.resolve("pids.xml"), "<?xml version=\"1.0\"?>\n"
                + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\">"
                + "<TABLE><FIELD name=\"pid\" datatype=\"char\" arraysize=\"*\"/><DATA><TABLEDATA>"
                + "<TR><TD>" + PUBLIC_PLANE + "</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n");
        assertThat(cadc("query", "--upload", "mine=" + table, "select p.publisherID from caom2.Plane as p "
                + "join tap_upload.mine as m on p.publisherID = m.pid", "--format", "csv")).as(describe()).isZero();
        assertThat(lines()).containsExactly("publisherID", PUBLIC_PLANE);
    }

    @Test
    void regionOfCfhtPrintsItsRows() throws Exception {
        assertThat(cadc("region", "08h45m07.5s +54d18m00s", "--radius", "0.01 deg", "--collection", "CFHT",
                "--format", "csv")).as(describe()).isZero();
        List<String> header = Arrays.asList(lines().get(0).split(","));
        int collection = header.indexOf("collection");
        assertThat(lines().subList(1, lines().size())).isNotEmpty()
                .allSatisfy(l -> assertThat(l.split(",")[collection]).isEqualTo("CFHT"));
        assertThat(out).contains("Nr3491_1");
        int rows = lines().size() - 1;
        assertThat(cadc("region", "08h45m07.5s +54d18m00s", "--radius", "0.01 deg", "--collection", "CFHT"))
                .isZero();
        assertThat(lines().get(lines().size() - 1)).isEqualTo("(" + rows + " rows)");
    }

    @Test
    void nameFindsTheTarget() throws Exception {
        assertThat(cadc("name", "Nr3491_1", "--format", "tsv")).as(describe()).isZero();
        int target = Arrays.asList(lines().get(0).split("\t")).indexOf("target_name");
        assertThat(lines().subList(1, lines().size())).isNotEmpty()
                .allSatisfy(l -> assertThat(l.split("\t")[target].toLowerCase(Locale.ROOT)).contains("nr3491_1"));
    }

    @Test
    void collectionsAreTheGeneratorsFive() throws Exception {
        assertThat(cadc("collections")).as(describe()).isZero();
        assertThat(out).contains("The CFHT collection at the CADC").contains("Radio").endsWith("(5 rows)\n");
    }

    @Test
    void tablesAreListedAndOneIsDescribed() throws Exception {
        assertThat(cadc("tables", "--format", "csv")).as(describe()).isZero();
        assertThat(out.toLowerCase(Locale.ROOT)).contains("caom2.plane").contains("ivoa.obscore");
        assertThat(cadc("tables", "caom2.plane", "--format", "csv")).as(describe()).isZero();
        assertThat(out.toLowerCase(Locale.ROOT)).contains("publisherid").contains("position_bounds");
    }

    @Test
    void urlsOfAQueryAndOfASavedResult() throws Exception {
        String adql = "select publisherID from caom2.Plane where publisherID = '" + PUBLIC_PLANE + "'";
        assertThat(cadc("urls", "--query", adql)).as(describe()).isZero();
        assertThat(lines()).hasSize(1).allSatisfy(l -> assertThat(l).startsWith(Dachs.url("/getproduct/").toString()));
        Path saved = dir.resolve("result.xml");
        assertThat(cadc("query", adql, "--format", "votable", "-o", saved.toString())).as(describe()).isZero();
        assertThat(cadc("urls", "--aux", "--result", saved.toString())).as(describe()).isZero();
        assertThat(lines().size()).isGreaterThan(1);
        assertThat(cadc("urls", "--result", dir.resolve("missing.xml").toString())).isEqualTo(2);
    }

    @Test
    void cutoutUrlsCarryAstroquerysCircle() throws Exception {
        assertThat(cadc("cutouts", "01h45m07.5s +23d18m00s", "--radius", "0.01 deg", "--collection", "CFHT"))
                .as(describe()).isZero();
        assertThat(lines()).isNotEmpty().allSatisfy(l -> assertThat(l).contains("/dlget?")
                .contains("POS=CIRCLE%2026.2812589776878%2023.29999981890681"));
    }

    @Test
    void downloadedCutoutsAreFitsAndPrivateOnesAreReportedWhileTheOthersComplete() throws Exception {
        Path target = dir.resolve("cutouts");
        assertThat(cadc("cutouts", "01h45m07.5s +23d18m00s", "--radius", "0.01 deg", "--download", target.toString()))
                .as(describe()).isEqualTo(6);
        assertThat(lines()).isNotEmpty().allSatisfy(l -> {
            Path file = Path.of(l);
            assertThat(file).startsWith(target);
            assertThat(new String(Files.readAllBytes(file), 0, 30, StandardCharsets.US_ASCII)).startsWith("SIMPLE  =");
        });
        assertThat(err).contains("download failed").contains("401").containsPattern("\\d+ of \\d+ downloads failed");
        assertThat(err).doesNotContain("\tat ");
    }

    @Test
    void downloadFetchesPublicFilesAndPrivateOnesWithNetrc() throws Exception {
        assertThat(cadc("urls", "--query", "select publisherID from caom2.Plane where publisherID in ('"
                + PUBLIC_PLANE + "', '" + PRIVATE_PLANE + "') order by publisherID")).as(describe()).isZero();
        List<String> urls = lines();
        assertThat(urls).hasSize(2);
        Path target = dir.resolve("files");
        List<String> args = new ArrayList<>(List.of("download"));
        args.addAll(urls);
        args.addAll(List.of("-d", target.toString()));
        assertThat(cadc(args.toArray(new String[0]))).as(describe()).isEqualTo(6);
        assertThat(lines()).hasSize(1);
        assertThat(Path.of(lines().get(0))).exists().startsWith(target);
        assertThat(err).contains("401");

        Path netrc = Files.writeString(dir.resolve("netrc"), "machine " + Dachs.baseUrl().getHost() + " login "
                + Dachs.USER + " password " + Dachs.PASSWORD + "\n");
        args.add("--netrc=" + netrc);
        assertThat(cadc(args.toArray(new String[0]))).as(describe()).isZero();
        assertThat(lines()).hasSize(2);
        assertThat(out + err).doesNotContain(Dachs.PASSWORD);
    }

    @Test
    void jobLifecycle() throws Exception {
        assertThat(cadc("job", "create", "select top 2 obsID from caom2.Observation order by obsID"))
                .as(describe()).isZero();
        String id = out.strip();
        assertThat(id).matches("[A-Za-z0-9_-]+");
        try {
            assertThat(cadc("job", "status", id, "--format", "csv")).as(describe()).isZero();
            assertThat(out).contains("PENDING");
            assertThat(cadc("job", "run", id)).as(describe()).isZero();
            assertThat(cadc("job", "wait", id, "--timeout", "90s")).as(describe()).isZero();
            assertThat(out).contains("COMPLETED");
            assertThat(cadc("job", "result", id, "--format", "csv")).as(describe()).isZero();
            assertThat(lines()).hasSize(3).first().isEqualTo("obsID");
            assertThat(cadc("job", "list")).as(describe()).isZero();
            assertThat(out).contains(id);
        } finally {
            assertThat(cadc("job", "delete", id)).as(describe()).isZero();
        }
        assertThat(cadc("job", "create", "select top 2 obsID from caom2.Observation")).as(describe()).isZero();
        String other = out.strip();
        try {
            assertThat(cadc("job", "abort", other)).as(describe()).isZero();
            assertThat(cadc("job", "status", other, "--format", "csv")).as(describe()).isZero();
            assertThat(out).contains("ABORTED");
        } finally {
            cadc("job", "delete", other);
        }
    }
}
