// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away public-key infrastructure for TLS and certificate-login tests, made once per JVM
 * with the JDK's own {@code keytool} (no third-party library; all commands in one child JVM).
 * Its certificates, by alias:
 * <ul>
 *   <li>{@code ca}: the CA ({@code CN=cadc4j Test CA,O=cadc4j}, EC P-256) that issues the next four;</li>
 *   <li>{@code server}: {@code 127.0.0.1} and {@code localhost} (EC);</li>
 *   <li>{@code user}: {@code CN=alice,OU=users,O=cadc4j} (RSA 2048);</li>
 *   <li>{@code ec}: {@code CN=bob,OU=users,O=cadc4j} (EC), the client of {@link #clientContext()}
 *       and {@link #clientPem()};</li>
 *   <li>{@code proxy}: a CADC-style proxy certificate issued by {@code user} (RSA);</li>
 *   <li>{@code expired}, {@code future}, {@code soon}: self-signed (EC), expired 20 days ago, valid
 *       from 10 days on, and expiring in about 12 hours.</li>
 * </ul>
 * The CA-issued ones are valid for 30 days from their making (the proxy for 10). Keys are written
 * as PEM the way {@code cadc-get-cert} and OpenSSL write them: PKCS#8, PKCS#1 (RSA) or SEC1 (EC).
 * Files go into a temporary folder of its own ({@link #dir()}), deleted when the JVM ends.
 *
 * <p>Thread-safe, and immutable once made.
 */
public final class TestPki {
    private static final char[] PASSWORD = "test-only".toCharArray();
    private static final List<String> ALIASES = List.of("ca", "server", "user", "ec", "proxy", "expired", "future", "soon");
    private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
    private static TestPki shared;

    private final Path dir;
    private final Map<String, PrivateKey> keys;
    private final Map<String, X509Certificate> certificates;

    private TestPki(Path dir, Map<String, PrivateKey> keys, Map<String, X509Certificate> certificates) {
        this.dir = dir;
        this.keys = keys;
        this.certificates = certificates;
    }

    /**
     * The PKI of this JVM, made on first use (a few seconds).
     *
     * @return the PKI
     * @throws IllegalStateException if {@code keytool} fails, with its output
     */
    public static synchronized TestPki shared() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    /**
     * The folder {@link #write} writes into, deleted when the JVM ends.
     *
     * @return the folder
     */
    public Path dir() {
        return dir;
    }

    /**
     * A private key.
     *
     * @param alias one of the aliases listed above
     * @return its key
     * @throws IllegalArgumentException for an unknown alias
     */
    public PrivateKey key(String alias) {
        return known(keys, alias);
    }

    /**
     * A certificate.
     *
     * @param alias one of the aliases listed above
     * @return its certificate, CA-issued where the list above says so
     * @throws IllegalArgumentException for an unknown alias
     */
    public X509Certificate certificate(String alias) {
        return known(certificates, alias);
    }

    /**
     * The subject of a certificate.
     *
     * @param alias one of the aliases listed above
     * @return its distinguished name, RFC 2253 form
     */
    public String subject(String alias) {
        return certificate(alias).getSubjectX500Principal().getName();
    }

    /**
     * The subject of the client certificate ({@code ec}).
     *
     * @return its distinguished name, RFC 2253 form
     */
    public String clientSubject() {
        return subject("ec");
    }

    /**
     * A new key store trusting the CA and nothing else.
     *
     * @return the trust store
     */
    public KeyStore trustStore() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", certificate("ca"));
            return trust;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the test trust store", e);
        }
    }

    /**
     * The server side: the {@code server} certificate, and trust in the CA for client certificates.
     *
     * @return a new TLS context
     */
    public SSLContext serverContext() {
        return context("server");
    }

    /**
     * A client holding the {@code ec} certificate and trusting the CA.
     *
     * @return a new TLS context
     */
    public SSLContext clientContext() {
        return context("ec");
    }

    /**
     * A client that trusts the CA but has no certificate of its own.
     *
     * @return a new TLS context
     */
    public SSLContext anonymousClientContext() {
        return context(null);
    }

    /**
     * The client's PEM file, as {@code cadc-get-cert} writes {@code cadcproxy.pem}: the {@code ec}
     * certificate, its unencrypted private key (PKCS#8), then the CA certificate.
     *
     * @return the PEM text
     */
    public String clientPem() {
        return certificatePem(certificate("ec")) + pkcs8Pem("ec") + certificatePem(certificate("ca"));
    }

    /**
     * The client's certificate and the CA certificate, without a private key.
     *
     * @return the PEM text
     */
    public String clientCertificatesPem() {
        return certificatePem(certificate("ec")) + certificatePem(certificate("ca"));
    }

    /**
     * The client's certificates with the server's private key, which belongs to none of them.
     *
     * @return the PEM text
     */
    public String mismatchedPem() {
        return clientCertificatesPem() + pkcs8Pem("server");
    }

    /**
     * The {@code expired} certificate with its private key (PKCS#8).
     *
     * @return the PEM text
     */
    public String expiredPem() {
        return certificatePem(certificate("expired")) + pkcs8Pem("expired");
    }

    /**
     * A private key as PKCS#8 {@code PrivateKeyInfo}, as the JDK encodes it.
     *
     * @param alias whose key
     * @return the PEM text ({@code PRIVATE KEY})
     */
    public String pkcs8Pem(String alias) {
        return pem("PRIVATE KEY", key(alias).getEncoded());
    }

    /**
     * An RSA private key as PKCS#1 {@code RSAPrivateKey}: the OCTET STRING inside PKCS#8.
     *
     * @param alias whose key ({@code user} or {@code proxy})
     * @return the PEM text ({@code RSA PRIVATE KEY})
     */
    public String pkcs1Pem(String alias) {
        return pem("RSA PRIVATE KEY", Der.privateKeyOctets(key(alias).getEncoded()));
    }

    /**
     * An EC private key as SEC1 {@code ECPrivateKey}, as OpenSSL writes it: the JDK's inner SEC1
     * structure (which may lack parameters) rebuilt, with {@code [0] namedCurve} from the PKCS#8
     * algorithm if asked.
     *
     * @param alias whose key (an EC one)
     * @param withCurve whether to name the curve inside the key
     * @return the PEM text ({@code EC PRIVATE KEY})
     */
    public String sec1Pem(String alias, boolean withCurve) {
        byte[] pkcs8 = key(alias).getEncoded();
        byte[] sec1 = Der.privateKeyOctets(pkcs8);
        return pem("EC PRIVATE KEY", Der.sec1(sec1, withCurve ? Der.curveOid(pkcs8) : null));
    }

    /**
     * A certificate as PEM.
     *
     * @param certificate the certificate
     * @return the PEM text ({@code CERTIFICATE})
     */
    public static String certificatePem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode a test certificate", e);
        }
    }

    /**
     * A PEM block: the label's BEGIN line, the bytes in Base64 lines of 64, the END line.
     *
     * @param label e.g. {@code CERTIFICATE}
     * @param der the bytes
     * @return the PEM text, ending in a line break
     */
    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + PEM_BASE64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /**
     * Writes a file into {@link #dir()}.
     *
     * @param name the file's name
     * @param parts its text, joined without separator
     * @return the file
     */
    public Path write(String name, String... parts) {
        try {
            return Files.writeString(dir.resolve(name), String.join("", parts), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test file " + name, e);
        }
    }

    private static <T> T known(Map<String, T> map, String alias) {
        T t = map.get(alias);
        if (t == null) {
            throw new IllegalArgumentException("no test certificate " + alias + "; there are " + ALIASES);
        }
        return t;
    }

    /** A TLS context holding {@code alias}'s key with its chain (none if null) and trusting the CA. */
    private SSLContext context(String alias) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            KeyManagerFactory kmf = null;
            if (alias != null) {
                KeyStore own = KeyStore.getInstance("PKCS12");
                own.load(null, null);
                own.setKeyEntry(alias, key(alias), PASSWORD, new Certificate[] {certificate(alias), certificate("ca")});
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(own, PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a TLS context from the test PKI", e);
        }
    }

    /**
     * One key store per alias: key pairs first, then requests, then the issuers sign them (an
     * issuer's self-signed certificate carries the same subject as any it is later given, so the
     * order of signing does not matter).
     */
    private static TestPki create() {
        try {
            Path dir = Files.createTempDirectory("cadc4j-pki");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "cadc4j-pki-cleanup"));
            List<List<String>> commands = new ArrayList<>(List.of(
                    genkeypair(dir, "ca", "EC", "CN=cadc4j Test CA,O=cadc4j", "-ext", "bc:c", "-validity", "30"),
                    genkeypair(dir, "server", "EC", "CN=localhost,O=cadc4j", "-validity", "30"),
                    genkeypair(dir, "user", "RSA", "CN=alice,OU=users,O=cadc4j", "-validity", "30"),
                    genkeypair(dir, "ec", "EC", "CN=bob,OU=users,O=cadc4j", "-validity", "30"),
                    genkeypair(dir, "proxy", "RSA", "CN=1234567,CN=alice,OU=users,O=cadc4j", "-validity", "10"),
                    genkeypair(dir, "expired", "EC", "CN=expired,O=cadc4j", "-startdate", "-30d", "-validity", "10"),
                    genkeypair(dir, "future", "EC", "CN=future,O=cadc4j", "-startdate", "+10d", "-validity", "10"),
                    // Valid from 12 hours ago for one day: expires in about 12 hours, inside a 24-hour warning.
                    genkeypair(dir, "soon", "EC", "CN=soon,O=cadc4j", "-startdate", "-12H", "-validity", "1")));
            // issuer, subject, validity in days, extensions
            List<List<String>> signed = List.of(List.of("ca", "server", "30", "-ext", "san=ip:127.0.0.1,dns:localhost",
                    "-ext", "eku=serverAuth"), List.of("ca", "user", "30"), List.of("ca", "ec", "30"), List.of("user", "proxy", "10"));
            for (List<String> s : signed) {
                commands.add(command(dir, s.get(1), "-certreq", "-alias", s.get(1), "-file", dir.resolve(s.get(1) + ".csr").toString()));
            }
            for (List<String> s : signed) {
                List<String> args = new ArrayList<>(List.of("-gencert", "-alias", s.get(0), "-infile",
                        dir.resolve(s.get(1) + ".csr").toString(), "-outfile", dir.resolve(s.get(1) + ".crt").toString(),
                        "-validity", s.get(2), "-rfc"));
                args.addAll(s.subList(3, s.size()));
                commands.add(command(dir, s.get(0), args.toArray(new String[0])));
            }
            runKeytool(dir, commands);
            Map<String, PrivateKey> keys = new HashMap<>();
            Map<String, X509Certificate> certificates = new HashMap<>();
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (String alias : ALIASES) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store(dir, alias))) {
                    ks.load(in, PASSWORD);
                }
                keys.put(alias, (PrivateKey) ks.getKey(alias, PASSWORD));
                Path crt = dir.resolve(alias + ".crt");
                if (Files.exists(crt)) {
                    try (InputStream in = Files.newInputStream(crt)) {
                        certificates.put(alias, (X509Certificate) cf.generateCertificate(in));
                    }
                } else {
                    certificates.put(alias, (X509Certificate) ks.getCertificate(alias));
                }
            }
            return new TestPki(dir, Map.copyOf(keys), Map.copyOf(certificates));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the test PKI", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test PKI", e);
        }
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
        List<String> command = new ArrayList<>(Arrays.asList(args));
        command.addAll(List.of("-keystore", store(dir, storeAlias).toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD)));
        return command;
    }

    /** Runs the commands in one child JVM ({@link KeytoolBatch}); fails with keytool's output. */
    private static void runKeytool(Path dir, List<List<String>> commands) throws IOException {
        Path file = dir.resolve("keytool-commands.txt");
        List<String> lines = new ArrayList<>();
        for (List<String> c : commands) {
            lines.add(String.join("\t", c));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        String classes;
        try {
            classes = Path.of(KeytoolBatch.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException("cannot find the classes of " + KeytoolBatch.class.getSimpleName(), e);
        }
        // A short-lived tool: no optimising compiler and the serial collector start it faster.
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "--add-exports", "java.base/sun.security.tools.keytool=ALL-UNNAMED",
                "-cp", classes, KeytoolBatch.class.getName(), file.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool did not finish within 120 s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the test PKI", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("making the test PKI with keytool failed: "
                    + new String(out, StandardCharsets.UTF_8).strip());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // The JVM is ending: a temporary folder left behind is no failure.
        }
    }

    @Override
    public String toString() {
        return "TestPki" + ALIASES;
    }

    /** A tiny, independent DER reader and writer for the key encodings. */
    private static final class Der {
        private Der() {
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

        /** The content of the OCTET STRING {@code privateKey} of a PKCS#8 {@code PrivateKeyInfo}. */
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
