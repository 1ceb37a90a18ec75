// SPDX-License-Identifier: Apache-2.0
/**
 * The service provider interfaces: the HTTP transport SPI ({@link io.cadc4j.core.spi.HttpTransport}), the provider interface of each port, discovery ({@link io.cadc4j.core.spi.Providers}) and the core's HTTP pipeline that adapters send through.
 *
 * <p>Defaults for this package: parameters are never null (checked with
 * {@code Objects.requireNonNull}); absent values come back as {@code Optional} or empty
 * collections, never null. Thread-safety is stated on each type: values are immutable,
 * builders single-threaded.
 */
package io.cadc4j.core.spi;
