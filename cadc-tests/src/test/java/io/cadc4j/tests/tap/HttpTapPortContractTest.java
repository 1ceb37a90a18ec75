// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.tap;

import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.core.internal.port.TapPortProvider;
import io.cadc4j.core.tap.TapPort;
import java.net.URI;

/** The built-in port, found through its provider, passes the TapPort contract. */
class HttpTapPortContractTest extends TapPortContract {

    @Override
    protected TapPort createPort(HttpPipeline http, URI tapBase) {
        return Providers.select(TapPortProvider.class, "http", null).create(PortContext.of(http, tapBase));
    }
}
