// SPDX-License-Identifier: Apache-2.0
/**
 * What the tests of every cadc4j module share, for tests only (never a runtime dependency): the
 * captured documents of the repository's {@code fixtures/} folder, read whole or in small pieces
 * ({@link io.cadc4j.testing.Fixtures}), and a throw-away public-key infrastructure made with the
 * JDK's {@code keytool} ({@link io.cadc4j.testing.TestPki}). It depends on JDK modules only, so the
 * tests of {@code io.cadc4j.core} can use it too.
 */
module io.cadc4j.testing {
    exports io.cadc4j.testing;
}
