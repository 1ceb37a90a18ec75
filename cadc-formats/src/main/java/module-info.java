// SPDX-License-Identifier: Apache-2.0
/**
 * Result writers that need third-party libraries: FITS binary tables (headers with nom-tam-fits)
 * and astropy's ECSV (YAML header with SnakeYAML Engine). Exports nothing: it is reached through
 * the {@link io.cadc4j.core.internal.port.ResultWriterProvider} service, named {@code formats}.
 *
 * @provides io.cadc4j.core.internal.port.ResultWriterProvider
 */
module io.cadc4j.formats {
    requires io.cadc4j.core;
    requires io.cadc4j.votable;
    requires nom.tam.fits;
    requires org.snakeyaml.engine;

    provides io.cadc4j.core.internal.port.ResultWriterProvider with io.cadc4j.formats.internal.FormatsResultWriterProvider;
}
