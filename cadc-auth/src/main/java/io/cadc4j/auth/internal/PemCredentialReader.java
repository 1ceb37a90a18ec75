// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.CertificateCredentials;
import io.cadc4j.core.auth.CredentialException;
import io.cadc4j.core.auth.CredentialException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Reads a PEM file holding a certificate chain and an unencrypted private key, in any order, into
 * an in-memory key store, a key manager and an {@link SSLContext}, without third-party libraries.
 *
 * <p>Keys: PKCS#8 {@code PRIVATE KEY} (RFC 5208) as the JDK reads it; PKCS#1 {@code RSA PRIVATE KEY}
 * (RFC 8017 A.1.2) wrapped into a PKCS#8 {@code PrivateKeyInfo} with the rsaEncryption algorithm; SEC1
 * {@code EC PRIVATE KEY} (RFC 5915) wrapped with id-ecPublicKey and its named curve (from the key's
 * own parameters, else from the certificate's public key). The certificate the key belongs to is
 * found by key, not by position, so CADC proxy files (proxy certificate, key, user certificate) and
 * key-first files read alike; the chain is then linked issuer by issuer.
 *
 * <p>Key bytes and file text are wiped once used. Stateless and thread-safe.
 */
final class PemCredentialReader {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.auth");

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    private static final String DSA = "1.2.840.10040.4.1";
    private static final Map<String, String> KEY_ALGORITHMS = Map.of(
            RSA_ENCRYPTION, "RSA",
            RSASSA_PSS, "RSASSA-PSS",
            EC_PUBLIC_KEY, "EC",
            DSA, "DSA",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448");

    private final AuthSettings settings;

    PemCredentialReader(AuthSettings settings) {
        this.settings = settings;
    }

    CertificateCredentials read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CredentialException(Reason.FILE_NOT_FOUND, "no certificate file at " + file, e);
        } catch (AccessDeniedException e) {
            throw new CredentialException(Reason.FILE_UNREADABLE, "the certificate file " + file
                    + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new CredentialException(Reason.FILE_UNREADABLE, "the certificate file " + file + " cannot be read: " + e, e);
        }
        // PEM is ASCII; ISO-8859-1 maps each byte to one char, so offsets agree and nothing fails.
        char[] text = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            text[i] = (char) (bytes[i] & 0xFF);
        }
        Arrays.fill(bytes, (byte) 0);
        try {
            return read(text, file.toString());
        } finally {
            Arrays.fill(text, '\0');
        }
    }

    private CertificateCredentials read(char[] text, String source) {
        List<X509Certificate> certificates = new ArrayList<>();
        byte[] keyDer = null;
        String keyLabel = null;
        try {
            Matcher m = BLOCK.matcher(CharBuffer.wrap(text));
            int blocks = 0;
            while (m.find()) {
                blocks++;
                String label = m.group(1);
                switch (label) {
                    case "CERTIFICATE":
                    case "X509 CERTIFICATE":
                        certificates.add(certificate(text, m.start(2), m.end(2), source, certificates.size() + 1));
                        break;
                    case "PRIVATE KEY":
                    case "RSA PRIVATE KEY":
                    case "EC PRIVATE KEY":
                        if (keyDer != null) {
                            throw new CredentialException(Reason.MALFORMED, source + " holds more than one private key", null);
                        }
                        if (hasEncryptionHeader(text, m.start(2), m.end(2))) {
                            throw encrypted(source, label);
                        }
                        keyDer = base64(text, m.start(2), m.end(2), source, label);
                        keyLabel = label;
                        break;
                    case "ENCRYPTED PRIVATE KEY":
                        throw encrypted(source, label);
                    case "EC PARAMETERS":
                        // openssl ecparam writes these before the key; the key names its curve itself.
                        break;
                    case "DSA PRIVATE KEY":
                    case "OPENSSH PRIVATE KEY":
                        throw new CredentialException(Reason.UNSUPPORTED_KEY, source + " holds a key as '" + label
                                + "'; use PKCS#8 ('BEGIN PRIVATE KEY'), PKCS#1 RSA or SEC1 EC", null);
                    default:
                        LOG.log(Level.DEBUG, "skipping a PEM block ''{0}'' in {1}", label, source);
                }
            }
            if (blocks == 0) {
                throw new CredentialException(Reason.MALFORMED, source + " is not a PEM file: no '-----BEGIN ...-----' block", null);
            }
            if (certificates.isEmpty()) {
                throw new CredentialException(Reason.NO_CERTIFICATE, source + " holds a private key but no certificate "
                        + "('-----BEGIN CERTIFICATE-----')", null);
            }
            if (keyDer == null) {
                throw new CredentialException(Reason.NO_PRIVATE_KEY, source + " holds " + certificates.size()
                        + " certificate(s) but no private key; a client certificate file must hold an unencrypted key "
                        + "('-----BEGIN PRIVATE KEY-----', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY')", null);
            }
            PrivateKey key = privateKey(keyDer, keyLabel, certificates, source);
            List<X509Certificate> chain = chain(key, certificates, source);
            checkValidity(chain, source);
            SSLContext context = sslContext(key, chain, source);
            CertificateCredentials credentials = CertificateCredentials.of(context, chain);
            warnIfExpiringSoon(credentials, source);
            return credentials;
        } finally {
            if (keyDer != null) {
                Arrays.fill(keyDer, (byte) 0);
            }
        }
    }

    private static CredentialException encrypted(String source, String label) {
        return new CredentialException(Reason.ENCRYPTED_KEY, "the private key in " + source + " ('" + label
                + "') is encrypted; only unencrypted keys are read (decrypt it, e.g. 'openssl pkey -in FILE', "
                + "or get a new proxy certificate with cadc-get-cert)", null);
    }

    /**
     * RFC 1421 headers such as {@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info:} precede an
     * OpenSSL-encrypted key; they are looked for in the characters themselves, so that no part of
     * the key is copied into a String.
     */
    private static boolean hasEncryptionHeader(char[] text, int from, int to) {
        int limit = Math.min(to, from + 256);
        return regionContains(text, from, limit, "DEK-Info:")
                || regionContains(text, from, limit, "Proc-Type:") && regionContains(text, from, limit, "ENCRYPTED");
    }

    private static boolean regionContains(char[] text, int from, int to, String needle) {
        outer:
        for (int i = from; i + needle.length() <= to; i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (text[i + j] != needle.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static X509Certificate certificate(char[] text, int from, int to, String source, int index) {
        byte[] der = base64(text, from, to, source, "CERTIFICATE");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CredentialException(Reason.MALFORMED, "certificate " + index + " in " + source
                    + " is not a readable X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** Decodes a block body, skipping RFC 1421 header lines ({@code Name: value}) before the data. */
    private static byte[] base64(char[] text, int from, int to, String source, String label) {
        int p = from;
        while (true) {
            int lineStart = p;
            while (lineStart < to && (text[lineStart] == '\r' || text[lineStart] == '\n')) {
                lineStart++;
            }
            int lineEnd = lineStart;
            boolean header = false;
            while (lineEnd < to && text[lineEnd] != '\n') {
                if (text[lineEnd] == ':') {
                    header = true;
                }
                lineEnd++;
            }
            if (!header) {
                p = lineStart;
                break;
            }
            p = lineEnd;
        }
        byte[] b64 = new byte[to - p];
        int n = 0;
        for (int i = p; i < to; i++) {
            char c = text[i];
            if (!Character.isWhitespace(c)) {
                b64[n++] = (byte) c;
            }
        }
        try {
            return Base64.getDecoder().decode(Arrays.copyOf(b64, n));
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes no content, only a character and an offset.
            throw new CredentialException(Reason.MALFORMED, "the '" + label + "' block in " + source + " is not valid base64", e);
        } finally {
            Arrays.fill(b64, (byte) 0);
        }
    }

    private static PrivateKey privateKey(byte[] der, String label, List<X509Certificate> certificates, String source) {
        byte[] pkcs8 = null;
        try {
            switch (label) {
                case "RSA PRIVATE KEY":
                    pkcs8 = wrapPkcs1(der);
                    break;
                case "EC PRIVATE KEY":
                    pkcs8 = wrapSec1(der, certificates, source);
                    break;
                default:
                    pkcs8 = der.clone();
            }
            String oid = pkcs8AlgorithmOid(pkcs8);
            String algorithm = KEY_ALGORITHMS.get(oid);
            if (algorithm == null) {
                throw new CredentialException(Reason.UNSUPPORTED_KEY, "the private key in " + source
                        + " has an unsupported algorithm (OID " + oid + ")", null);
            }
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (IllegalArgumentException e) {
            throw new CredentialException(Reason.MALFORMED, "the '" + label + "' block in " + source
                    + " is not a readable private key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            // Key factory messages describe the encoding, never the key itself.
            throw new CredentialException(Reason.UNSUPPORTED_KEY, "the '" + label + "' block in " + source
                    + " cannot be read as a private key: " + e.getMessage(), e);
        } finally {
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier {rsaEncryption, NULL}, OCTET STRING RSAPrivateKey }. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        Der.Element rsa = Der.readWhole(pkcs1);
        if (rsa.tag != Der.SEQUENCE || rsa.children().size() < 9) {
            throw new IllegalArgumentException("not a PKCS#1 RSAPrivateKey");
        }
        byte[] algorithm = Der.tlv(Der.SEQUENCE, oidTlv(new int[] {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01}),
                Der.tlv(Der.NULL));
        return Der.tlv(Der.SEQUENCE, Der.tlv(Der.INTEGER, new byte[] {0}), algorithm, Der.tlv(Der.OCTET_STRING, pkcs1));
    }

    /**
     * ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING, [0] ECParameters OPTIONAL,
     * [1] publicKey OPTIONAL } (RFC 5915), wrapped as PrivateKeyInfo with AlgorithmIdentifier
     * {id-ecPublicKey, namedCurve} (RFC 5480 §2.1.1).
     */
    private static byte[] wrapSec1(byte[] sec1, List<X509Certificate> certificates, String source) {
        Der.Element ec = Der.readWhole(sec1);
        List<Der.Element> parts = ec.tag == Der.SEQUENCE ? ec.children() : List.of();
        if (parts.size() < 2 || parts.get(0).tag != Der.INTEGER || parts.get(1).tag != Der.OCTET_STRING) {
            throw new IllegalArgumentException("not a SEC1 ECPrivateKey");
        }
        byte[] curve = null;
        for (Der.Element p : parts) {
            if (p.tag == Der.CONTEXT_0) {
                List<Der.Element> inner = p.children();
                if (inner.size() == 1 && inner.get(0).tag == Der.OID) {
                    curve = inner.get(0).encoded();
                } else {
                    throw new CredentialException(Reason.UNSUPPORTED_KEY, "the EC private key in " + source
                            + " uses explicit curve parameters; only named curves are supported", null);
                }
            }
        }
        if (curve == null) {
            curve = curveOfCertificates(certificates, source);
        }
        byte[] algorithm = Der.tlv(Der.SEQUENCE, oidTlv(new int[] {0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01}), curve);
        return Der.tlv(Der.SEQUENCE, Der.tlv(Der.INTEGER, new byte[] {0}), algorithm, Der.tlv(Der.OCTET_STRING, sec1));
    }

    /** A key without its curve: take the curve of the first EC certificate (SubjectPublicKeyInfo parameters). */
    private static byte[] curveOfCertificates(List<X509Certificate> certificates, String source) {
        for (X509Certificate c : certificates) {
            PublicKey pk = c.getPublicKey();
            if ("EC".equals(pk.getAlgorithm())) {
                Der.Element spki = Der.readWhole(pk.getEncoded());
                Der.Element algorithmId = spki.children().get(0);
                List<Der.Element> ids = algorithmId.children();
                if (ids.size() == 2 && ids.get(1).tag == Der.OID) {
                    return ids.get(1).encoded();
                }
            }
        }
        throw new CredentialException(Reason.UNSUPPORTED_KEY, "the EC private key in " + source
                + " does not name its curve, and no EC certificate in the file does either", null);
    }

    private static byte[] oidTlv(int[] value) {
        byte[] b = new byte[value.length];
        for (int i = 0; i < value.length; i++) {
            b[i] = (byte) value[i];
        }
        return Der.tlv(Der.OID, b);
    }

    private static String pkcs8AlgorithmOid(byte[] pkcs8) {
        Der.Element info = Der.readWhole(pkcs8);
        List<Der.Element> parts = info.tag == Der.SEQUENCE ? info.children() : List.of();
        if (parts.size() < 3 || parts.get(1).tag != Der.SEQUENCE) {
            throw new IllegalArgumentException("not a PKCS#8 PrivateKeyInfo");
        }
        List<Der.Element> algorithm = parts.get(1).children();
        if (algorithm.isEmpty()) {
            throw new IllegalArgumentException("PKCS#8 without an algorithm");
        }
        return Der.oid(algorithm.get(0));
    }

    /** The certificate the key belongs to, then its issuers as far as the file holds them. */
    private static List<X509Certificate> chain(PrivateKey key, List<X509Certificate> certificates, String source) {
        X509Certificate leaf = null;
        for (X509Certificate c : certificates) {
            if (belongsTo(key, c.getPublicKey())) {
                leaf = c;
                break;
            }
        }
        if (leaf == null) {
            throw new CredentialException(Reason.KEY_MISMATCH, "the private key in " + source + " (" + key.getAlgorithm()
                    + ") belongs to none of its " + certificates.size() + " certificate(s): "
                    + certificates.stream().map(c -> c.getSubjectX500Principal().getName()).collect(Collectors.joining("; ")),
                    null);
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        List<X509Certificate> rest = new ArrayList<>(certificates);
        rest.remove(leaf);
        X509Certificate current = leaf;
        while (!current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
            X509Certificate issuer = null;
            for (X509Certificate c : rest) {
                if (c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    issuer = c;
                    break;
                }
            }
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            rest.remove(issuer);
            current = issuer;
        }
        if (!rest.isEmpty()) {
            LOG.log(Level.DEBUG, "{0}: {1} certificate(s) outside the key''s chain left out", source, rest.size());
        }
        return chain;
    }

    /** RSA keys compare moduli; others sign a nonce with the private key and verify it with the public key. */
    private static boolean belongsTo(PrivateKey key, PublicKey publicKey) {
        if (key instanceof RSAKey || publicKey instanceof RSAKey) {
            return key instanceof RSAKey && publicKey instanceof RSAKey
                    && ((RSAKey) key).getModulus().equals(((RSAKey) publicKey).getModulus());
        }
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())
                && !(isEdwards(key.getAlgorithm()) && isEdwards(publicKey.getAlgorithm()))) {
            return false;
        }
        String algorithm;
        switch (key.getAlgorithm()) {
            case "EC":
                algorithm = "SHA256withECDSA";
                break;
            case "DSA":
                algorithm = "SHA256withDSA";
                break;
            default:
                algorithm = key.getAlgorithm();
        }
        try {
            byte[] nonce = new byte[32];
            new SecureRandom().nextBytes(nonce);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(nonce);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(nonce);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isEdwards(String algorithm) {
        return algorithm.startsWith("Ed") || algorithm.equals("EdDSA");
    }

    private void checkValidity(List<X509Certificate> chain, String source) {
        Instant now = settings.clock().instant();
        for (X509Certificate c : chain) {
            String validity = "valid from " + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant()
                    + "; now " + now;
            try {
                c.checkValidity(Date.from(now));
            } catch (CertificateExpiredException e) {
                throw new CredentialException(Reason.EXPIRED, "the certificate " + c.getSubjectX500Principal().getName()
                        + " in " + source + " expired at " + c.getNotAfter().toInstant() + " (" + validity + ")", e);
            } catch (CertificateNotYetValidException e) {
                throw new CredentialException(Reason.NOT_YET_VALID, "the certificate " + c.getSubjectX500Principal().getName()
                        + " in " + source + " is not valid until " + c.getNotBefore().toInstant() + " (" + validity + ")", e);
            }
        }
    }

    private void warnIfExpiringSoon(CertificateCredentials credentials, String source) {
        Instant now = settings.clock().instant();
        if (credentials.expiresWithin(now, settings.expiryWarning())) {
            Duration left = Duration.between(now, credentials.notAfter());
            LOG.log(Level.WARNING, "the certificate {0} in {1} expires at {2}, in {3} h {4} min; renew it soon",
                    credentials.subject(), source, credentials.notAfter(), left.toHours(), left.toMinutesPart());
        }
    }

    private SSLContext sslContext(PrivateKey key, List<X509Certificate> chain, String source) {
        char[] password = new char[24];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            TrustManagerFactory tmf = null;
            if (settings.trustStore().isPresent()) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(settings.trustStore().get());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new CredentialException(Reason.TLS_SETUP, "a TLS context could not be made from the key and certificates in "
                    + source + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public String toString() {
        return "PemCredentialReader[" + settings + "]";
    }
}
