// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import io.cadc4j.core.spi.HttpHeaders;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import io.cadc4j.core.spi.HttpTransport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * A minimal test transport on {@link HttpURLConnection} (cadc-http-jdk is not a dependency of this
 * module): no redirects followed, the TLS context given, headers as the request has them.
 */
final class UrlConnectionTransport implements HttpTransport {
    private final SSLContext tls;

    UrlConnectionTransport(SSLContext tls) {
        this.tls = tls;
    }

    UrlConnectionTransport() {
        this(null);
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        HttpURLConnection c = (HttpURLConnection) request.uri().toURL().openConnection();
        if (c instanceof HttpsURLConnection && tls != null) {
            ((HttpsURLConnection) c).setSSLSocketFactory(tls.getSocketFactory());
        }
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout(10_000);
        c.setReadTimeout(10_000);
        c.setRequestMethod(request.method());
        request.headers().map().forEach((name, values) -> values.forEach(v -> c.addRequestProperty(name, v)));
        if (request.body().isPresent()) {
            c.setDoOutput(true);
            request.body().get().contentType().ifPresent(t -> c.setRequestProperty("Content-Type", t));
            try (OutputStream out = c.getOutputStream()) {
                request.body().get().writeTo(out);
            }
        }
        int status = c.getResponseCode();
        HttpHeaders.Builder headers = HttpHeaders.builder();
        for (Map.Entry<String, List<String>> e : c.getHeaderFields().entrySet()) {
            if (e.getKey() != null) {
                e.getValue().forEach(v -> headers.add(e.getKey(), v));
            }
        }
        InputStream body = status >= 400 ? c.getErrorStream() : c.getInputStream();
        return HttpResponse.of(request, status, headers.build(), body == null ? new ByteArrayInputStream(new byte[0]) : body);
    }

    @Override
    public void close() {
    }
}
