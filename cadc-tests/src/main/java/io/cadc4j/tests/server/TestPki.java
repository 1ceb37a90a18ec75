// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away public-key infrastructure for TLS tests, made when first asked for by running the
 * JDK's own {@code keytool} (no third-party library, no {@code sun.security} classes): a CA, a server
 * certificate for {@code 127.0.0.1} and {@code localhost}, and a client certificate, all EC P-256,
 * valid for two days. {@link #shared()} makes it once per JVM (seven {@code keytool} runs, three
 * rounds of them in parallel, take a few seconds).
 *
 * <p>For certificate login it also writes PEM files the way {@code cadc-get-cert} does (certificate,
 * unencrypted key, chain): the client's ({@link #clientPem()}), and broken ones: certificates
 * without a key, a key of another party, an expired certificate.
 *
 * <p>Thread-safe and immutable once made.
 */
public final class TestPki {
    private static final char[] PASSWORD = "test-only".toCharArray();
    private static volatile TestPki shared;
    private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private final KeyStore trust;
    private final KeyStore server;
    private final KeyStore client;
    private volatile String expiredPem;

    private TestPki(KeyStore trust, KeyStore server, KeyStore client) {
        this.trust = trust;
        this.server = server;
        this.client = client;
    }

    /**
     * The PKI of this JVM, made on first use.
     *
     * @return the PKI
     * @throws IllegalStateException if {@code keytool} fails
     */
    public static TestPki shared() {
        TestPki p = shared;
        if (p == null) {
            synchronized (TestPki.class) {
                p = shared;
                if (p == null) {
                    p = create();
                    shared = p;
                }
            }
        }
        return p;
    }

    /**
     * The server side: the server certificate, and trust in the CA for client certificates.
     *
     * @return a new TLS context
     */
    public SSLContext serverContext() {
        return context(server, trust);
    }

    /**
     * A client holding the client certificate and trusting the CA.
     *
     * @return a new TLS context
     */
    public SSLContext clientContext() {
        return context(client, trust);
    }

    /**
     * A client that trusts the CA but has no certificate of its own.
     *
     * @return a new TLS context
     */
    public SSLContext anonymousClientContext() {
        return context(null, trust);
    }

    /**
     * A new key store trusting the CA and nothing else, for clients (e.g. as the trust store of
     * the TLS context made from a certificate file).
     *
     * @return the trust store
     */
    public KeyStore trustStore() {
        try {
            KeyStore copy = KeyStore.getInstance("PKCS12");
            copy.load(null, null);
            copy.setCertificateEntry("ca", trust.getCertificate("ca"));
            return copy;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot copy the test trust store", e);
        }
    }

    /**
     * The subject of the client certificate.
     *
     * @return the distinguished name, RFC 2253 form
     */
    public String clientSubject() {
        try {
            return ((X509Certificate) client.getCertificate("client")).getSubjectX500Principal().getName();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test client certificate", e);
        }
    }

    /**
     * The client's PEM file, as {@code cadc-get-cert} writes {@code cadcproxy.pem}: its certificate,
     * its unencrypted private key (PKCS#8), then the CA certificate.
     *
     * @return the PEM text
     */
    public String clientPem() {
        try {
            Certificate[] chain = client.getCertificateChain("client");
            return pem("CERTIFICATE", chain[0].getEncoded()) + pem("PRIVATE KEY", key(client, "client").getEncoded())
                    + pem("CERTIFICATE", chain[1].getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the test client PEM", e);
        }
    }

    /**
     * The client's certificate and the CA certificate, without a private key.
     *
     * @return the PEM text
     */
    public String clientCertificatesPem() {
        try {
            StringBuilder s = new StringBuilder();
            for (Certificate c : client.getCertificateChain("client")) {
                s.append(pem("CERTIFICATE", c.getEncoded()));
            }
            return s.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the test client certificates", e);
        }
    }

    /**
     * The client's certificates with the server's private key, which belongs to none of them.
     *
     * @return the PEM text
     */
    public String mismatchedPem() {
        try {
            return clientCertificatesPem() + pem("PRIVATE KEY", key(server, "server").getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the mismatched test PEM", e);
        }
    }

    /**
     * A self-signed certificate ({@code CN=cadc4j expired user}) that was valid for two days and
     * expired two days ago, with its private key; made on first use (one {@code keytool} run).
     *
     * @return the PEM text
     */
    public String expiredPem() {
        String p = expiredPem;
        if (p == null) {
            synchronized (this) {
                p = expiredPem;
                if (p == null) {
                    p = makeExpiredPem();
                    expiredPem = p;
                }
            }
        }
        return p;
    }

    private static String makeExpiredPem() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cadc4j-pki");
            keytool(dir, "-genkeypair", "-alias", "expired", "-keystore", "expired.p12", "-dname", "CN=cadc4j expired user",
                    "-startdate", "-4d", "-validity", "2");
            KeyStore ks = load(dir.resolve("expired.p12"));
            return pem("CERTIFICATE", ks.getCertificate("expired").getEncoded())
                    + pem("PRIVATE KEY", key(ks, "expired").getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the expired test certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the expired test certificate", e);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private static Key key(KeyStore store, String alias) throws GeneralSecurityException {
        return store.getKey(alias, PASSWORD);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + PEM_BASE64.encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static SSLContext context(KeyStore keys, KeyStore trusted) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            KeyManagerFactory kmf = null;
            if (keys != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context from the test PKI", e);
        }
    }

    private static TestPki create() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cadc4j-pki");
            Path d = dir;
            // Each keytool run is a JVM start, so independent steps run side by side: the three
            // key pairs, then the two requests, then the two signatures.
            all(() -> keytool(d, "-genkeypair", "-alias", "ca", "-keystore", "ca.p12", "-dname", "CN=cadc4j test CA",
                    "-ext", "bc:c"),
                () -> keytool(d, "-genkeypair", "-alias", "server", "-keystore", "server.p12", "-dname", "CN=127.0.0.1"),
                () -> keytool(d, "-genkeypair", "-alias", "client", "-keystore", "client.p12", "-dname",
                        "CN=cadc4j test user"));
            all(() -> keytool(d, "-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "server.csr"),
                () -> keytool(d, "-certreq", "-alias", "client", "-keystore", "client.p12", "-file", "client.csr"));
            all(() -> sign(d, "server", "san=ip:127.0.0.1,dns:localhost", "eku=serverAuth"),
                () -> sign(d, "client", "san=dns:cadc4j-test-user", "eku=clientAuth"));
            Certificate ca = load(d.resolve("ca.p12")).getCertificate("ca");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            return new TestPki(trust, withChain(d, "server", ca), withChain(d, "client", ca));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the test PKI", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the test PKI", e);
        } catch (CompletionException e) {
            throw new IllegalStateException("cannot make the test PKI: " + e.getCause().getMessage(), e.getCause());
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    private static void all(Runnable... steps) {
        CompletableFuture<?>[] running = new CompletableFuture<?>[steps.length];
        for (int i = 0; i < steps.length; i++) {
            running[i] = CompletableFuture.runAsync(steps[i]);
        }
        CompletableFuture.allOf(running).join();
    }

    private static void sign(Path dir, String who, String san, String eku) {
        keytool(dir, "-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-infile", who + ".csr", "-outfile",
                who + ".pem", "-ext", san, "-ext", eku, "-validity", "2");
    }

    /** A key store holding {@code who}'s key with its CA-signed certificate and the CA after it. */
    private static KeyStore withChain(Path dir, String who, Certificate ca) throws IOException, GeneralSecurityException {
        KeyStore own = load(dir.resolve(who + ".p12"));
        Certificate signed;
        try (InputStream in = Files.newInputStream(dir.resolve(who + ".pem"))) {
            signed = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(who, own.getKey(who, PASSWORD), PASSWORD, new Certificate[] {signed, ca});
        return ks;
    }

    private static void keytool(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // A short-lived tool: a small heap and no optimising compiler start it faster.
        command.add("-J-Xmx64m");
        command.add("-J-XX:TieredStopAtLevel=1");
        command.addAll(List.of(args));
        if (List.of(args).contains("-genkeypair")) {
            command.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1"));
            if (!List.of(args).contains("-validity")) {
                command.addAll(List.of("-validity", "2"));
            }
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.getLogger("io.cadc4j.tests.server").log(System.Logger.Level.DEBUG, "cannot delete " + dir, e);
        }
    }

    @Override
    public String toString() {
        return "TestPki[CA, server 127.0.0.1/localhost, client]";
    }
}
