// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The training run behind the command's class-data sharing archive ({@code target/cadc.jsa}, made
 * at build time from the classes this run loads, listed with {@code -XX:DumpLoadedClassList}; the
 * launcher maps it so that a run does not load, parse and verify the same ~2,500 classes again): the commands a person runs most, through
 * {@link Main#run}, against a small HTTP/1.1 server on loopback that serves a registry file,
 * capabilities, and VOTable results in TABLEDATA (as DaCHS writes them) and BINARY2 (as CADC does).
 * Not for users; fails (exit 1) if any command fails, so that an archive is never made from a
 * broken path.
 *
 * <p>Single-threaded apart from the server's thread.
 */
final class CdsTraining {
    private CdsTraining() {
    }

    /**
     * Runs the training.
     *
     * @param args optionally, the directory the archive is made for: the run writes its path to
     *     {@code cadc.jsa.dir} there, which the launcher compares with its own
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 1) {
            Path dir = Path.of(args[0]).toAbsolutePath();
            Files.writeString(dir.resolve("cadc.jsa.dir"), dir + "\n", StandardCharsets.UTF_8);
        }
        Path cache = Files.createTempDirectory("cadc-cds-training");
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String base = "http://127.0.0.1:" + server.getLocalPort();
            Thread t = new Thread(() -> serve(server, base), "cds-training-server");
            t.setDaemon(true);
            t.start();
            String reg = "--registry=" + base + "/reg/resource-caps";
            String[][] runs = {
                {reg, "region", "08h45m07.5s +54d18m00s", "--collection", "CFHT", "--format", "csv"},
                {reg, "query", "select top 5 * from caom2.Plane"},
                {reg, "collections", "--format", "csv"},
                {reg, "query", "select top 5 * from caom2.Plane", "--format", "json"},
                {reg, "name", "M31", "--format", "tsv"},
                {"--help"},
                {"region", "--help"},
            };
            PrintStream none = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            for (String[] run : runs) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = Main.run(run, none, new PrintStream(err, true, StandardCharsets.UTF_8), QUIET,
                        b -> b.diskCache(cache));
                if (code != ExitCodes.OK && !(code == ExitCodes.USAGE && run[run.length - 1].equals("--help"))) {
                    System.err.println("cds training: cadc " + String.join(" ", run) + " failed (exit " + code + "): "
                            + err.toString(StandardCharsets.UTF_8));
                    System.exit(1);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(cache)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final Terminal QUIET = new Terminal() {
        @Override
        public int width() {
            return 100;
        }

        @Override
        public boolean stdoutIsTerminal() {
            return false;
        }

        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public boolean stdinIsTerminal() {
            return true;
        }

        @Override
        public InputStream stdin() {
            return InputStream.nullInputStream();
        }

        @Override
        public Optional<char[]> readPassword(String prompt) {
            return Optional.empty();
        }

        @Override
        public Map<String, String> environment() {
            return Map.of("HOME", System.getProperty("java.io.tmpdir"));
        }
    };

    /** Answers requests one connection at a time, one request per connection, until the socket closes. */
    private static void serve(ServerSocket server, String base) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                String head = readHead(in);
                String[] requestLine = head.split(" ", 3);
                String path = requestLine.length > 1 ? requestLine[1] : "/";
                int length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                String type = "text/xml";
                byte[] answer;
                if (path.endsWith("/resource-caps")) {
                    type = "text/plain";
                    answer = ("ivo://cadc.nrc.ca/argus = " + base + "/tap/capabilities\n").getBytes(StandardCharsets.UTF_8);
                } else if (path.endsWith("/capabilities")) {
                    answer = capabilities(base).getBytes(StandardCharsets.UTF_8);
                } else if (URLDecoder.decode(body, StandardCharsets.UTF_8).contains("EnumField")) {
                    type = "application/x-votable+xml";
                    answer = collections().getBytes(StandardCharsets.UTF_8);
                } else if (URLDecoder.decode(body, StandardCharsets.UTF_8).contains("top 5")) {
                    type = "application/x-votable+xml";
                    answer = binary2().getBytes(StandardCharsets.UTF_8);
                } else {
                    type = "application/x-votable+xml";
                    answer = tableData().getBytes(StandardCharsets.UTF_8);
                }
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + answer.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(answer);
                out.flush();
            } catch (IOException | RuntimeException e) {
                if (!server.isClosed()) {
                    System.err.println("cds training server: " + e);
                }
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            b.append((char) c);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return b.toString();
    }

    private static String capabilities(String base) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\" "
                + "xmlns:tr=\"http://www.ivoa.net/xml/TAPRegExt/v1.0\">\n"
                + "<capability standardID=\"ivo://ivoa.net/std/TAP\" xsi:type=\"tr:TableAccess\">\n"
                + "<interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.1\">"
                + "<accessURL use=\"base\">" + base + "/tap</accessURL></interface>\n"
                + "<language><name>ADQL</name><version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.0\">2.0</version></language>\n"
                + "<outputFormat><mime>application/x-votable+xml</mime></outputFormat>\n"
                + "<uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-inline\"/>\n"
                + "<retentionPeriod><default>172800</default></retentionPeriod>\n"
                + "<outputLimit><default unit=\"row\">20000</default><hard unit=\"row\">16000000</hard></outputLimit>\n"
                + "<uploadLimit><hard unit=\"byte\">20000000</hard></uploadLimit>\n"
                + "</capability>\n"
                + "<capability standardID=\"ivo://ivoa.net/std/VOSI#capabilities\">"
                + "<interface xsi:type=\"vs:ParamHTTP\"><accessURL use=\"full\">" + base + "/tap/capabilities"
                + "</accessURL></interface></capability>\n"
                + "</vosi:capabilities>\n";
    }

    private static final String FIELDS = "<FIELD name=\"observationID\" datatype=\"char\" arraysize=\"*\"/>"
            + "<FIELD name=\"collection\" datatype=\"char\" arraysize=\"*\"/>"
            + "<FIELD name=\"t_min\" datatype=\"double\" unit=\"d\"/>"
            + "<FIELD name=\"calibrationLevel\" datatype=\"int\"/>"
            + "<FIELD name=\"obsID\" datatype=\"long\"/>"
            + "<FIELD name=\"sequenceNumber\" datatype=\"short\"/>"
            + "<FIELD name=\"exposure\" datatype=\"float\"/>"
            + "<FIELD name=\"metaReadable\" datatype=\"boolean\"/>"
            + "<FIELD name=\"metaRelease\" datatype=\"char\" arraysize=\"*\" xtype=\"timestamp\"/>"
            + "<FIELD name=\"position_bounds\" datatype=\"double\" arraysize=\"*\" xtype=\"polygon\" unit=\"deg\"/>";

    private static String collections() {
        return "<?xml version='1.0' encoding='utf-8'?>\n"
                + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
                + "<RESOURCE type=\"results\"><INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE>"
                + "<FIELD name=\"collection\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"energy_emBand\" datatype=\"char\" arraysize=\"*\"/><DATA><TABLEDATA>\n"
                + "<TR><TD>CFHT</TD><TD>Optical</TD></TR><TR><TD>CFHT</TD><TD>Infrared</TD></TR>"
                + "<TR><TD>JCMT</TD><TD>Millimeter</TD></TR>\n"
                + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n";
    }

    private static String votable(String data) {
        return "<?xml version='1.0' encoding='utf-8'?>\n"
                + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
                + "<RESOURCE type=\"results\"><INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE>" + FIELDS
                + "<DATA>" + data + "</DATA></TABLE><INFO name=\"QUERY_STATUS\" value=\"OK\"/></RESOURCE></VOTABLE>\n";
    }

    private static String tableData() {
        String row = "<TR><TD>Nr3491_1</TD><TD>CFHT</TD><TD>59000.125</TD><TD>2</TD><TD>1234567890123</TD>"
                + "<TD>7</TD><TD>120.5</TD><TD>T</TD><TD>2020-01-02T03:04:05.678</TD>"
                + "<TD>131.2 54.2 131.3 54.2 131.3 54.3 131.2 54.3</TD></TR>\n";
        String empty = "<TR><TD>a &amp; b</TD><TD/><TD/><TD/><TD/><TD/><TD/><TD/><TD/><TD/></TR>\n";
        return votable("<TABLEDATA>\n" + row + empty + row + "</TABLEDATA>");
    }

    private static String binary2() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            for (int r = 0; r < 3; r++) {
                boolean nulls = r == 1;
                d.writeShort(nulls ? 0x7fc0 : 0); // 10 columns: 2 bytes of null flags
                writeChars(d, nulls ? "x" : "Nr3491_1");
                writeChars(d, nulls ? "" : "CFHT");
                d.writeDouble(59000.125);
                d.writeInt(2);
                d.writeLong(1234567890123L);
                d.writeShort(7);
                d.writeFloat(120.5f);
                d.writeByte('T');
                writeChars(d, "2020-01-02T03:04:05.678");
                d.writeInt(8);
                for (double v : new double[] {131.2, 54.2, 131.3, 54.2, 131.3, 54.3, 131.2, 54.3}) {
                    d.writeDouble(v);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return votable("<BINARY2><STREAM encoding=\"base64\">" + Base64.getMimeEncoder().encodeToString(bytes.toByteArray())
                + "</STREAM></BINARY2>");
    }

    private static void writeChars(DataOutputStream d, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(b.length);
        d.write(b);
    }
}
