// SPDX-License-Identifier: Apache-2.0
/**
 * The contract every {@link io.cadc4j.core.sky.NameResolver} adapter must pass,
 * {@link io.cadc4j.tests.names.NameResolverContract}, run against the stand-in
 * {@link io.cadc4j.tests.server.names.NameResolverStandIn}. Parameters are never null; a contract
 * instance is single-threaded (JUnit makes one per test).
 */
package io.cadc4j.tests.names;
