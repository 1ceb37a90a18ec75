// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code AuthPort} adapter: CADC login cookie, PEM certificates, netrc and tokens.
 * Its implementation arrives with issue #6; until then the module holds only its descriptor.
 */
module io.cadc4j.auth {
    requires io.cadc4j.core;
}
