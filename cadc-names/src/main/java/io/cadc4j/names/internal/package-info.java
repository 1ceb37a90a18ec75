// SPDX-License-Identifier: Apache-2.0
/**
 * The name resolver adapters: {@link io.cadc4j.names.internal.SesameNameResolver} and
 * {@link io.cadc4j.names.internal.CadcTargetResolver}, their answers' parsers, the failover over
 * endpoints they share, and their providers. Not exported.
 *
 * <p>Parameters are never null; the resolvers and providers are thread-safe, the parsers stateless.
 */
package io.cadc4j.names.internal;
