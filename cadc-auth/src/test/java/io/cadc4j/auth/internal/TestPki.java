// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test certificates made once per test JVM with the JDK's {@code keytool} (no third-party library):
 * a CA, an RSA user certificate and an EC certificate issued by it, a server certificate for
 * 127.0.0.1/localhost, a CADC-style proxy certificate issued by the user certificate, and
 * self-signed EC certificates that are expired, not yet valid, or expiring within hours. Keys are
 * written as PKCS#8, PKCS#1 or SEC1 PEM by unwrapping the key store's PKCS#8 encoding.
 */
final class TestPki {
    static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private static TestPki instance;

    final Path dir;
    private final Map<String, PrivateKey> keys;
    private final Map<String, X509Certificate> certs;

    private TestPki(Path dir, Map<String, PrivateKey> keys, Map<String, X509Certificate> certs) {
        this.dir = dir;
        this.keys = keys;
        this.certs = certs;
    }

    static synchronized TestPki get() {
        if (instance == null) {
            try {
                instance = make();
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("making the test certificates with keytool failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /**
     * One key store per alias: key pairs first, then requests, then the issuers sign them (an
     * issuer's self-signed certificate carries the same subject as any it is later given, so the
     * order of signing does not matter). All commands run in one child JVM ({@link KeytoolBatch}).
     */
    private static TestPki make() throws IOException, GeneralSecurityException, InterruptedException {
        Path dir = Files.createTempDirectory("cadc4j-pki");
        List<List<String>> commands = new ArrayList<>(List.of(
                genkeypair(dir, "ca", "EC", "CN=cadc4j Test CA,O=cadc4j", "-ext", "bc:c", "-validity", "30"),
                genkeypair(dir, "user", "RSA", "CN=alice,OU=users,O=cadc4j", "-validity", "30"),
                genkeypair(dir, "ec", "EC", "CN=bob,OU=users,O=cadc4j", "-validity", "30"),
                genkeypair(dir, "server", "EC", "CN=localhost,O=cadc4j", "-validity", "30"),
                genkeypair(dir, "proxy", "RSA", "CN=1234567,CN=alice,OU=users,O=cadc4j", "-validity", "10"),
                genkeypair(dir, "expired", "EC", "CN=expired,O=cadc4j", "-startdate", "-30d", "-validity", "10"),
                genkeypair(dir, "future", "EC", "CN=future,O=cadc4j", "-startdate", "+10d", "-validity", "10"),
                // Valid from 12 hours ago for one day: expires in about 12 hours, inside the 24 h warning.
                genkeypair(dir, "soon", "EC", "CN=soon,O=cadc4j", "-startdate", "-12H", "-validity", "1")));
        List<String[]> signed = List.of(new String[] {"ca", "user", "30"}, new String[] {"ca", "ec", "30"},
                new String[] {"ca", "server", "30", "-ext", "san=ip:127.0.0.1,dns:localhost"},
                new String[] {"user", "proxy", "10"});
        for (String[] s : signed) {
            commands.add(command(dir, s[1], "-certreq", "-alias", s[1], "-file", dir.resolve(s[1] + ".csr").toString()));
        }
        for (String[] s : signed) {
            List<String> args = new ArrayList<>(List.of("-gencert", "-alias", s[0], "-infile", dir.resolve(s[1] + ".csr").toString(),
                    "-outfile", dir.resolve(s[1] + ".crt").toString(), "-validity", s[2], "-rfc"));
            args.addAll(Arrays.asList(s).subList(3, s.length));
            commands.add(command(dir, s[0], args.toArray(new String[0])));
        }
        runKeytool(dir, commands);
        Map<String, PrivateKey> keys = new HashMap<>();
        Map<String, X509Certificate> certs = new HashMap<>();
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        for (String alias : List.of("ca", "user", "ec", "server", "proxy", "expired", "future", "soon")) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store(dir, alias))) {
                ks.load(in, STORE_PASSWORD);
            }
            keys.put(alias, (PrivateKey) ks.getKey(alias, STORE_PASSWORD));
            Path crt = dir.resolve(alias + ".crt");
            if (Files.exists(crt)) {
                try (InputStream in = Files.newInputStream(crt)) {
                    certs.put(alias, (X509Certificate) cf.generateCertificate(in));
                }
            } else {
                certs.put(alias, (X509Certificate) ks.getCertificate(alias));
            }
        }
        return new TestPki(dir, keys, certs);
    }

    private static Path store(Path dir, String alias) {
        return dir.resolve(alias + ".p12");
    }

    private static List<String> genkeypair(Path dir, String alias, String algorithm, String dname, String... extra) {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", algorithm, "-dname", dname));
        args.addAll(algorithm.equals("RSA") ? List.of("-keysize", "2048") : List.of("-groupname", "secp256r1"));
        args.addAll(Arrays.asList(extra));
        return command(dir, alias, args.toArray(new String[0]));
    }

    private static List<String> command(Path dir, String storeAlias, String... args) {
        List<String> cmd = new ArrayList<>(Arrays.asList(args));
        cmd.addAll(List.of("-keystore", store(dir, storeAlias).toString(), "-storetype", "PKCS12",
                "-storepass", new String(STORE_PASSWORD)));
        return cmd;
    }

    private static void runKeytool(Path dir, List<List<String>> commands) throws IOException, InterruptedException {
        Path file = dir.resolve("keytool-commands.txt");
        List<String> lines = new ArrayList<>();
        for (List<String> c : commands) {
            lines.add(String.join("\t", c));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        String classes;
        try {
            classes = Path.of(KeytoolBatch.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "--add-exports", "java.base/sun.security.tools.keytool=ALL-UNNAMED",
                "-cp", classes, KeytoolBatch.class.getName(), file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(out, StandardCharsets.UTF_8));
        }
    }

    PrivateKey key(String alias) {
        return keys.get(alias);
    }

    X509Certificate cert(String alias) {
        return certs.get(alias);
    }

    /** A trust store holding only the test CA. */
    KeyStore trustStore() {
        try {
            KeyStore t = KeyStore.getInstance("PKCS12");
            t.load(null, null);
            t.setCertificateEntry("ca", cert("ca"));
            return t;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    static String certificatePem(X509Certificate c) {
        try {
            return pem("CERTIFICATE", c.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 PrivateKeyInfo, as the JDK encodes it. */
    String pkcs8Pem(String alias) {
        return pem("PRIVATE KEY", key(alias).getEncoded());
    }

    /** PKCS#1 RSAPrivateKey: the OCTET STRING inside PKCS#8. */
    String pkcs1Pem(String alias) {
        return pem("RSA PRIVATE KEY", TestDer.privateKeyOctets(key(alias).getEncoded()));
    }

    /**
     * SEC1 ECPrivateKey with its named curve, as OpenSSL writes it: the JDK's inner SEC1 structure
     * (which may lack parameters) rebuilt with {@code [0] namedCurve} from the PKCS#8 algorithm.
     */
    String sec1Pem(String alias, boolean withCurve) {
        byte[] pkcs8 = key(alias).getEncoded();
        byte[] sec1 = TestDer.privateKeyOctets(pkcs8);
        byte[] rebuilt = TestDer.sec1(sec1, withCurve ? TestDer.curveOid(pkcs8) : null);
        return pem("EC PRIVATE KEY", rebuilt);
    }

    Path write(String name, String... parts) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, String.join("", parts), StandardCharsets.US_ASCII);
            return f;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tiny, independent DER reader/writer for making test key encodings. */
    static final class TestDer {
        private TestDer() {
        }

        /** Offsets {valueStart, end} of the TLV at {@code at}. */
        static int[] tlv(byte[] b, int at) {
            int len = b[at + 1] & 0xFF;
            int p = at + 2;
            if (len >= 0x80) {
                int n = len & 0x7F;
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = len << 8 | b[p++] & 0xFF;
                }
            }
            return new int[] {p, p + len};
        }

        static byte[] privateKeyOctets(byte[] pkcs8) {
            int[] seq = tlv(pkcs8, 0);
            int[] version = tlv(pkcs8, seq[0]);
            int[] algorithm = tlv(pkcs8, version[1]);
            int[] octets = tlv(pkcs8, algorithm[1]);
            return Arrays.copyOfRange(pkcs8, octets[0], octets[1]);
        }

        /** The whole OID TLV of the curve parameter in a PKCS#8 EC AlgorithmIdentifier. */
        static byte[] curveOid(byte[] pkcs8) {
            int[] seq = tlv(pkcs8, 0);
            int[] version = tlv(pkcs8, seq[0]);
            int[] algorithm = tlv(pkcs8, version[1]);
            int[] keyOid = tlv(pkcs8, algorithm[0]);
            int[] curve = tlv(pkcs8, keyOid[1]);
            return Arrays.copyOfRange(pkcs8, keyOid[1], curve[1]);
        }

        /** SEQUENCE { INTEGER 1, OCTET STRING key, [0] curve? } from the JDK's SEC1 bytes. */
        static byte[] sec1(byte[] jdkSec1, byte[] curveOid) {
            int[] seq = tlv(jdkSec1, 0);
            int[] version = tlv(jdkSec1, seq[0]);
            int[] key = tlv(jdkSec1, version[1]);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(jdkSec1, seq[0], key[1] - seq[0]);
            if (curveOid != null) {
                byte[] params = encode(0xA0, curveOid);
                body.write(params, 0, params.length);
            }
            return encode(0x30, body.toByteArray());
        }

        static byte[] encode(int tag, byte[] value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(tag);
            if (value.length < 0x80) {
                out.write(value.length);
            } else if (value.length < 0x100) {
                out.write(0x81);
                out.write(value.length);
            } else {
                out.write(0x82);
                out.write(value.length >> 8);
                out.write(value.length);
            }
            out.write(value, 0, value.length);
            return out.toByteArray();
        }
    }
}
