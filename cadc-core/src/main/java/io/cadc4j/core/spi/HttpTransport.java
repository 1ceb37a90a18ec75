// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.spi;

import java.io.IOException;

/**
 * The transport SPI: one HTTP exchange, with a streamed request body and a streamed response body.
 * Every adapter talks HTTP only through {@link HttpPipeline}, which wraps a transport; swapping the
 * transport (OkHttp, Apache HttpClient, a test double) means writing this one small class and an
 * {@link HttpTransportProvider}.
 *
 * <p>What a transport must do:
 * <ul>
 *   <li>send the request as given, streaming its body (never holding all of it in memory), with
 *       {@code Content-Length} when {@link RequestBody#contentLength()} is known and chunked otherwise;</li>
 *   <li>return every status, 3xx included, as a response: it must not follow redirects (the core
 *       does, re-deciding credentials per hop);</li>
 *   <li>ask for {@code gzip} and {@code deflate} unless the request sets {@code Accept-Encoding}, and
 *       decode them while the body streams, removing {@code Content-Encoding} and
 *       {@code Content-Length} from the response headers;</li>
 *   <li>apply the {@link TransportSettings} it was made with: connect timeout, request timeout (the
 *       wait for headers, and for each further piece of the body), TLS context, proxy;</li>
 *   <li>report a timeout as {@link io.cadc4j.core.CadcTimeoutException} (from {@code send} and from
 *       body reads), other I/O failures as {@link IOException}, and an interrupt while waiting as
 *       {@link InterruptedException};</li>
 *   <li>give the connection up when a body is closed before its end.</li>
 * </ul>
 * {@code HttpTransportContract} in {@code cadc-tests} checks all of this against a loopback server.
 *
 * <p>Example, sending through the core so that redirects and credentials are handled:
 * <pre>{@code
 * try (HttpPipeline http = HttpPipeline.builder().build();              // the discovered transport
 *      HttpResponse r = http.send(HttpRequest.newBuilder(uri).GET().build())) {
 *     r.body().transferTo(out);
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe: many requests run at once on one transport.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends one request and returns as soon as the response headers have arrived.
     *
     * @param request the request
     * @return the response; the caller reads its body and closes it
     * @throws IOException if the exchange fails below HTTP (refused, reset, TLS failure)
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws io.cadc4j.core.CadcTimeoutException if connecting or waiting for headers times out
     */
    HttpResponse send(HttpRequest request) throws IOException, InterruptedException;

    /**
     * Releases the transport's resources (connection pools, threads). Responses still open may
     * fail afterwards. Idempotent.
     */
    @Override
    void close();
}
