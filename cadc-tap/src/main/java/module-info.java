// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code TapPort} adapter: TAP sync and async (UWS) queries, uploads and VOSI table metadata.
 * Exports nothing: its parsers and request builders live in {@code io.cadc4j.tap.internal}; the
 * port itself arrives with issue #4's next round.
 */
module io.cadc4j.tap {
    requires io.cadc4j.core;
    requires io.cadc4j.votable;
    requires java.xml;
}
