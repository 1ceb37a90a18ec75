// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.http;

import io.cadc4j.core.spi.HttpTransport;
import io.cadc4j.core.spi.HttpTransportProvider;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.core.spi.TransportSettings;

/** The built-in JDK transport, found by its provider name as a user would, passes the contract. */
class JdkHttpTransportContractTest extends HttpTransportContract {
    @Override
    protected HttpTransport createTransport(TransportSettings settings) {
        return Providers.select(HttpTransportProvider.class, "jdk", null).create(settings);
    }
}
