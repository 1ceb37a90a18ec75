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
 * @uses io.cadc4j.core.spi.HttpTransportProvider
 * @uses io.cadc4j.core.spi.TapPortProvider
 * @uses io.cadc4j.core.spi.DataLinkPortProvider
 * @uses io.cadc4j.core.spi.AuthPortProvider
 * @uses io.cadc4j.core.spi.NameResolverProvider
 */
module io.cadc4j.core {
    requires java.xml;

    exports io.cadc4j.core;
    exports io.cadc4j.core.adql;
    exports io.cadc4j.core.auth;
    exports io.cadc4j.core.coords;
    exports io.cadc4j.core.datalink;
    exports io.cadc4j.core.registry;
    exports io.cadc4j.core.spi;
    exports io.cadc4j.core.table;
    exports io.cadc4j.core.tap;

    uses io.cadc4j.core.spi.HttpTransportProvider;
    uses io.cadc4j.core.spi.TapPortProvider;
    uses io.cadc4j.core.spi.DataLinkPortProvider;
    uses io.cadc4j.core.spi.AuthPortProvider;
    uses io.cadc4j.core.spi.NameResolverProvider;
}
