// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.Cadc;
import io.cadc4j.core.ServiceId;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.auth.BasicCredentials;
import io.cadc4j.core.auth.CookieCredentials;
import io.cadc4j.core.auth.Credentials;
import io.cadc4j.core.auth.NetrcFile;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.auth.TokenCredentials;
import io.cadc4j.core.tap.TapPort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Opens the cadc4j facade a read's options describe, on the driver (for the schema) or on an
 * executor (for one partition), and its TAP port. Credentials are read from their file here, when
 * the facade is opened, and given to the facade, which sends them only to the TAP service's host.
 */
final class TapAccess implements AutoCloseable {
    private final Cadc cadc;
    private final TapPort tap;

    private TapAccess(Cadc cadc) {
        this.cadc = cadc;
        this.tap = cadc.tapPort();
    }

    /**
     * Opens the facade and resolves the TAP service.
     *
     * @param o the options
     * @return the access; the caller closes it
     * @throws io.cadc4j.core.CadcException if the service cannot be resolved
     */
    static TapAccess open(SourceOptions o) {
        Cadc.Builder b = Cadc.builder().classLoader(TapAccess.class.getClassLoader());
        o.registry().ifPresent(b::registry);
        o.tapService().ifPresent(id -> b.tap(ServiceLocation.byId(ServiceId.of(id))));
        o.tapUrl().ifPresent(url -> b.tap(ServiceLocation.at(url)));
        o.timeout().ifPresent(b::requestTimeout);
        Cadc cadc = b.build();
        try {
            Optional<Credentials> c = credentials(o, cadc);
            c.ifPresent(cadc::useCredentials);
            return new TapAccess(cadc);
        } catch (RuntimeException e) {
            cadc.close();
            throw e;
        }
    }

    /** @return the TAP port */
    TapPort tap() {
        return tap;
    }

    @Override
    public void close() {
        cadc.close();
    }

    private static Optional<Credentials> credentials(SourceOptions o, Cadc cadc) {
        if (o.credentialKind() == SourceOptions.CredentialKind.NONE) {
            return Optional.empty();
        }
        Path file = Path.of(o.credentialFile().orElseThrow());
        URI service = cadc.tapEndpoints().base();
        Realm realm = Realm.builder().host(service.getHost())
                .httpAllowed("http".equalsIgnoreCase(service.getScheme())).build();
        switch (o.credentialKind()) {
            case NETRC: {
                NetrcFile netrc = NetrcFile.read(file);
                try {
                    Optional<BasicCredentials> basic = netrc.basicFor(service.getHost(),
                            "http".equalsIgnoreCase(service.getScheme()));
                    if (basic.isEmpty()) {
                        throw new AuthenticationException("the netrc file " + file + " has no entry for "
                                + service.getHost(), 0, service, null);
                    }
                    return Optional.of(basic.get());
                } finally {
                    netrc.destroy();
                }
            }
            case COOKIE: {
                char[] value = secret(file);
                try {
                    return Optional.of(CookieCredentials.of(value, realm));
                } finally {
                    Arrays.fill(value, '\0');
                }
            }
            default: {
                char[] value = secret(file);
                try {
                    return Optional.of(TokenCredentials.of(value, realm));
                } finally {
                    Arrays.fill(value, '\0');
                }
            }
        }
    }

    /** The file's text without surrounding white space, as characters the caller wipes. */
    private static char[] secret(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the credentials file " + file, e);
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        int start = 0;
        int end = chars.limit();
        while (start < end && Character.isWhitespace(chars.get(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars.get(end - 1))) {
            end--;
        }
        char[] out = new char[end - start];
        chars.position(start);
        chars.get(out, 0, out.length);
        Arrays.fill(chars.array(), '\0');
        if (out.length == 0) {
            throw new IllegalArgumentException("cadc data source: the credentials file " + file + " is empty");
        }
        return out;
    }
}
