// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code TapPort} adapter: TAP sync and async (UWS) queries, uploads and VOSI table metadata.
 * Its implementation arrives with issue #4; until then the module holds only its descriptor.
 */
module io.cadc4j.tap {
    requires io.cadc4j.core;
    requires io.cadc4j.votable;
}
