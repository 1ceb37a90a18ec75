// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.http;

import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.spi.TransportSettings;

/** A transport written outside the library, on {@code HttpURLConnection}, passes the same contract. */
class UrlConnectionTransportContractTest extends HttpTransportContract {
    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return new UrlConnectionTransport(settings);
    }
}
