// SPDX-License-Identifier: Apache-2.0
/**
 * The cadc4j core: the domain, its ports and the HTTP transport SPI. It depends on JDK modules
 * only, and not on {@code java.net.http}, so a small runtime can leave that module out and bring
 * its own transport.
 *
 * <p>Adapters are found with {@link java.util.ServiceLoader}, on the module path through their
 * {@code provides} and on the class path through {@code META-INF/services}; see
 * {@link io.cadc4j.core.spi.Providers} for the order of choice.
 *
 * <p>The packages exported to everyone are the API and the transport SPI. The toolkit that only
 * cadc4j's adapters need ({@code io.cadc4j.core.internal.*}) is exported {@code to} those modules
 * alone, so a user module cannot read it.
 *
 * @uses io.cadc4j.core.spi.HttpTransportProvider
 * @uses io.cadc4j.core.internal.port.TapPortProvider
 * @uses io.cadc4j.core.internal.port.DataLinkPortProvider
 * @uses io.cadc4j.core.internal.port.AuthPortProvider
 * @uses io.cadc4j.core.internal.port.ResultWriterProvider
 * @uses io.cadc4j.core.internal.port.NameResolverProvider
 */
module io.cadc4j.core {
    requires java.xml;

    exports io.cadc4j.core;
    exports io.cadc4j.core.adql;
    exports io.cadc4j.core.auth;
    exports io.cadc4j.core.sky;
    exports io.cadc4j.core.datalink;
    exports io.cadc4j.core.registry;
    exports io.cadc4j.core.spi;
    exports io.cadc4j.core.table;
    exports io.cadc4j.core.tap;

    // Toolkit the adapters share: not API, readable only by cadc4j's own modules (OSGi: x-internal).
    exports io.cadc4j.core.internal.http to
            io.cadc4j.tap, io.cadc4j.datalink, io.cadc4j.auth, io.cadc4j.names, io.cadc4j.votable, io.cadc4j.cli,
            io.cadc4j.tests;
    exports io.cadc4j.core.internal.io to io.cadc4j.tap, io.cadc4j.datalink;
    exports io.cadc4j.core.internal.table to io.cadc4j.tap, io.cadc4j.formats, io.cadc4j.cli;
    exports io.cadc4j.core.internal.xml to io.cadc4j.tap, io.cadc4j.votable;
    exports io.cadc4j.core.internal.port to
            io.cadc4j.tap, io.cadc4j.datalink, io.cadc4j.auth, io.cadc4j.formats, io.cadc4j.names, io.cadc4j.cli, io.cadc4j.tests;

    uses io.cadc4j.core.spi.HttpTransportProvider;
    uses io.cadc4j.core.internal.port.TapPortProvider;
    uses io.cadc4j.core.internal.port.DataLinkPortProvider;
    uses io.cadc4j.core.internal.port.AuthPortProvider;
    uses io.cadc4j.core.internal.port.ResultWriterProvider;
    uses io.cadc4j.core.internal.port.NameResolverProvider;
}
