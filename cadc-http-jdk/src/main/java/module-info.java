// SPDX-License-Identifier: Apache-2.0
/**
 * The cadc4j HTTP transport on {@code java.net.http.HttpClient}: HTTP/2 with HTTP/1.1 fallback,
 * streamed request and response bodies, gzip and deflate decoding while the body streams. It is the
 * only cadc4j module that uses {@code java.net.http}; it exports nothing and is reached through the
 * {@link io.cadc4j.core.spi.HttpTransportProvider} service, named {@code jdk}.
 *
 * @provides io.cadc4j.core.spi.HttpTransportProvider
 */
module io.cadc4j.http.jdk {
    requires io.cadc4j.core;
    requires java.net.http;

    provides io.cadc4j.core.spi.HttpTransportProvider with io.cadc4j.http.jdk.internal.JdkHttpTransportProvider;
}
