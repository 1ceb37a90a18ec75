// SPDX-License-Identifier: Apache-2.0
/**
 * Test support shared by every cadc4j module: {@link io.cadc4j.testing.Fixtures} finds the
 * repository's captured documents and feeds them in different read sizes; {@link io.cadc4j.testing.TestPki}
 * is a throw-away CA with server, client, proxy and badly dated certificates for TLS and
 * certificate-login tests.
 */
package io.cadc4j.testing;
