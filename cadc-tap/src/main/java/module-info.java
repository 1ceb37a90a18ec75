// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code TapPort} adapter: TAP sync and async (UWS) queries, uploads, VOSI table metadata and
 * result files. Exports nothing: it is reached through the {@link io.cadc4j.core.internal.port.TapPortProvider}
 * service, named {@code http}.
 *
 * @provides io.cadc4j.core.internal.port.TapPortProvider
 */
module io.cadc4j.tap {
    requires io.cadc4j.core;
    requires io.cadc4j.votable;
    requires jakarta.json;
    requires java.xml;

    provides io.cadc4j.core.internal.port.TapPortProvider with io.cadc4j.tap.internal.HttpTapPortProvider;
}
