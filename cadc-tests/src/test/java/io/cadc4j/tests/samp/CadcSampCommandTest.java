// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.samp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.table.RowCursor;
import io.cadc4j.tests.interop.Dachs;
import io.cadc4j.tests.server.tap.TapStandIn;
import io.cadc4j.votable.VOTableReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.Response;
import org.astrogrid.samp.SampUtils;
import org.astrogrid.samp.client.CallableClient;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.hub.Hub;
import org.astrogrid.samp.hub.HubProfile;
import org.astrogrid.samp.hub.HubServiceMode;
import org.astrogrid.samp.xmlrpc.LockInfo;
import org.astrogrid.samp.xmlrpc.StandardClientProfile;
import org.astrogrid.samp.xmlrpc.StandardHubProfile;
import org.astrogrid.samp.xmlrpc.XmlRpcKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cadc ... --samp} run as a process ({@code java -jar cadc.jar}), the way a person types it,
 * with JSAMP's hub started in this JVM (its lock file in a test directory, handed to the command as
 * {@code SAMP_HUB}, never ~/.samp) and clients that record what they receive and read the table
 * from the URL they are sent. Skipped, with the reason, when the jar has not been built.
 */
class CadcSampCommandTest {
    private static final Path JAR = Path.of("..", "cadc-cli", "target", "cadc.jar").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path lockFile;
    private Hub hub;
    private final List<HubConnection> clients = new ArrayList<>();
    private String out;
    private String err;

    @BeforeEach
    void startHub() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "the cadc command is not built at " + JAR
                + ": run ./mvnw -B package -pl cadc-cli -am -DskipTests first");
        lockFile = dir.resolve("samp.lock");
        XmlRpcKit kit = XmlRpcKit.getInstance();
        hub = Hub.runHub(HubServiceMode.NO_GUI, new HubProfile[] {new StandardHubProfile(kit.getClientFactory(),
                kit.getServerFactory(), new File(lockFile.toString()), StandardHubProfile.createSecret())},
                new HubProfile[0]);
    }

    @AfterEach
    void stopHub() {
        for (HubConnection c : clients) {
            try {
                c.unregister();
            } catch (Exception e) {
                // the hub may be gone
            }
        }
        if (hub != null) {
            hub.shutdown();
        }
    }

    @Test
    void queryResultIsLoadedByEveryClientThatTakesTables() throws Exception {
        Recorder topcat = recorder("topcat", "table.load.votable");
        Recorder aladin = recorder("Aladin", "table.load.votable");
        Recorder ds9 = recorder("ds9", "image.load.fits");
        try (TapStandIn tap = TapStandIn.start()) {
            int code = cadc(lockFile, "--tap-url", tap.base().toString(), "query",
                    "select top 120 * from stand_in.generated", "--samp");
            assertThat(code).as(err).isZero();
        }
        assertThat(out.strip()).matches("sent 120 rows to (topcat, Aladin|Aladin, topcat) \\(table.load.votable\\)");
        for (Recorder r : List.of(topcat, aladin)) {
            assertThat(r.messages).hasSize(1);
            assertThat(r.messages.get(0).getParam("name")).isEqualTo("cadc query");
            assertThat(r.tables.get(0)).hasSize(120);
            for (int i = 0; i < 120; i++) {
                assertThat(r.tables.get(0).get(i)).isEqualTo(i + "|" + TapStandIn.generatedRa(i) + "|row-" + i);
            }
        }
        assertThat(ds9.messages).isEmpty();
    }

    @Test
    void sampClientSendsToThatClientAloneAndAnUnknownOneIsNamed() throws Exception {
        Recorder topcat = recorder("topcat", "table.load.votable");
        Recorder aladin = recorder("Aladin", "table.load.votable");
        try (TapStandIn tap = TapStandIn.start()) {
            assertThat(cadc(lockFile, "--tap-url", tap.base().toString(), "query",
                    "select top 3 * from stand_in.generated", "--samp-client", "TOPCAT")).as(err).isZero();
            assertThat(out.strip()).isEqualTo("sent 3 rows to topcat (table.load.votable)");
            assertThat(topcat.tables).hasSize(1);
            assertThat(aladin.messages).isEmpty();

            assertThat(cadc(lockFile, "--tap-url", tap.base().toString(), "query",
                    "select top 3 * from stand_in.generated", "--samp-client", "ds9")).isNotZero();
            assertThat(err.strip()).startsWith("cadc: no SAMP client named 'ds9'; running: ")
                    .contains("topcat").contains("Aladin").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void noHubIsOneLineThatSaysToStartTopcatOrAladin() throws Exception {
        hub.shutdown();
        hub = null;
        try (TapStandIn tap = TapStandIn.start()) {
            int code = cadc(dir.resolve("samp.lock"), "--tap-url", tap.base().toString(), "query",
                    "select top 3 * from stand_in.generated", "--samp");
            assertThat(code).isEqualTo(3);
        }
        assertThat(out).isEmpty();
        assertThat(err.strip()).isEqualTo("cadc: no SAMP hub is running: start TOPCAT or Aladin (each runs one) "
                + "and try again");
    }

    @Test
    void sampWithAnOutputFileIsAUsageError() throws Exception {
        assertThat(cadc(lockFile, "--tap-url", "http://127.0.0.1:9/tap", "query", "select 1", "--samp", "-o",
                dir.resolve("x.xml").toString())).isEqualTo(2);
        assertThat(err).contains("give --samp or -o FILE, not both");
        assertThat(cadc(lockFile, "--tap-url", "http://127.0.0.1:9/tap", "cutouts", "10 20", "--radius", "1 arcmin",
                "--samp")).isEqualTo(2);
        assertThat(err).contains("cutouts --samp sends the downloaded files: give --download DIR too");
    }

    /** Against DaCHS: every cutout downloaded is sent as image.load.fits and is a FITS file where the URL says. */
    @Test
    @Tag("interop")
    void cutoutsDownloadSendsEachFitsFile() throws Exception {
        Dachs.assumeRunning();
        Recorder ds9 = recorder("ds9", "image.load.fits");
        Path target = dir.resolve("cutouts");
        int code = cadc(lockFile, "--registry", Dachs.url("/static/reg/resource-caps").toString(), "cutouts",
                "01h45m07.5s +23d18m00s", "--radius", "0.01 deg", "--download", target.toString(), "--samp");
        assertThat(code).as(err).isIn(0, 6);
        List<String> sent = new ArrayList<>();
        for (String line : out.split("\\R")) {
            if (line.startsWith("sent ")) {
                sent.add(line);
            }
        }
        assertThat(sent).isNotEmpty().allSatisfy(l -> assertThat(l).endsWith(" to ds9 (image.load.fits)"));
        assertThat(ds9.messages).hasSize(sent.size());
        for (Message m : ds9.messages) {
            Path file = SampUtils.urlToFile(new URL((String) m.getParam("url"))).toPath();
            assertThat(file).startsWith(target.toRealPath());
            assertThat(new String(Files.readAllBytes(file), 0, 9, StandardCharsets.US_ASCII)).isEqualTo("SIMPLE  =");
            assertThat(m.getParam("name")).isEqualTo(file.getFileName().toString());
        }
    }

    private int cadc(Path lock, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(Arrays.asList(args));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("SAMP_HUB", "std-lockurl:" + lock.toUri());
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cadc " + String.join(" ", args) + " did not end within 180 s");
        }
        out = Files.readString(stdout, StandardCharsets.UTF_8);
        err = Files.readString(stderr, StandardCharsets.UTF_8);
        return p.exitValue();
    }

    private Recorder recorder(String name, String mtype) throws Exception {
        StandardClientProfile profile = new StandardClientProfile(XmlRpcKit.getInstance()) {
            @Override
            public LockInfo getLockInfo() throws IOException {
                return LockInfo.readLockFile(lockFile.toUri().toURL());
            }
        };
        HubConnection c = profile.register();
        clients.add(c);
        Map<String, Object> md = new HashMap<>();
        md.put(Metadata.NAME_KEY, name);
        c.declareMetadata(md);
        Recorder r = new Recorder(c);
        c.setCallable(r);
        Map<String, Object> subs = new HashMap<>();
        subs.put(mtype, new HashMap<>());
        c.declareSubscriptions(subs);
        return r;
    }

    /** A SAMP client that records its calls and, for tables, reads the rows from the URL before answering. */
    private static final class Recorder implements CallableClient {
        final HubConnection connection;
        final List<Message> messages = new CopyOnWriteArrayList<>();
        final List<List<String>> tables = new CopyOnWriteArrayList<>();

        Recorder(HubConnection connection) {
            this.connection = connection;
        }

        @Override
        public void receiveNotification(String senderId, Message message) {
            messages.add(message);
        }

        @Override
        public void receiveCall(String senderId, String msgId, Message message) throws Exception {
            messages.add(message);
            if (message.getMType().equals("table.load.votable")) {
                List<String> rows = new ArrayList<>();
                try (InputStream in = new URL((String) message.getParam("url")).openStream();
                     RowCursor c = VOTableReader.builder().build().open(in)) {
                    while (c.next()) {
                        rows.add(c.getLong(0) + "|" + c.getDouble(1) + "|" + c.getString(3));
                    }
                }
                tables.add(rows);
            }
            connection.reply(msgId, Response.createSuccessResponse(new HashMap<>()));
        }

        @Override
        public void receiveResponse(String responderId, String msgTag, Response response) {
            // sends nothing
        }
    }
}
