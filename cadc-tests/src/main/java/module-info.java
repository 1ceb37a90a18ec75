// SPDX-License-Identifier: Apache-2.0
/**
 * The cadc4j test kit, for tests only (never a runtime dependency of the library): the in-process
 * stand-in HTTP(S) server with fault injection ({@code io.cadc4j.tests.server}), the stand-in
 * TAP/UWS/VOSI service ({@code io.cadc4j.tests.server.tap}) and the contracts every HTTP transport
 * ({@code io.cadc4j.tests.http}), every TAP port ({@code io.cadc4j.tests.tap}) and every name
 * resolver ({@code io.cadc4j.tests.names}, against {@code io.cadc4j.tests.server.names}) must pass.
 */
module io.cadc4j.tests {
    requires transitive io.cadc4j.core;
    // The test PKI: StandInServer.startHttps takes one.
    requires transitive io.cadc4j.testing;
    requires io.cadc4j.votable;
    requires transitive org.junit.jupiter.api;
    requires jdk.httpserver;
    requires org.assertj.core;

    exports io.cadc4j.tests.server;
    exports io.cadc4j.tests.server.datalink;
    exports io.cadc4j.tests.server.tap;
    exports io.cadc4j.tests.server.names;
    exports io.cadc4j.tests.names;
    exports io.cadc4j.tests.http;
    exports io.cadc4j.tests.interop;
    exports io.cadc4j.tests.tap;

    // JUnit calls the contract's package-private test methods reflectively.
    opens io.cadc4j.tests.http to org.junit.platform.commons;
    opens io.cadc4j.tests.tap to org.junit.platform.commons;
    opens io.cadc4j.tests.names to org.junit.platform.commons;
}
