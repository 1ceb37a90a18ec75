// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.tap;

import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.internal.port.PortContext;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.core.internal.port.TapPortProvider;
import io.cadc4j.core.tap.TapPort;
import io.cadc4j.tests.server.tap.TapStandIn;

/** A stand-in TAP service and a port to it, through the discovered provider and the JDK transport. */
final class TapSetup implements AutoCloseable {
    final TapStandIn service;
    final HttpPipeline http;
    final TapPort tap;

    TapSetup() {
        this.service = TapStandIn.start();
        this.http = HttpPipeline.builder().build();
        this.tap = Providers.select(TapPortProvider.class).create(PortContext.of(http, service.base()));
    }

    @Override
    public void close() {
        http.close();
        service.close();
    }
}
