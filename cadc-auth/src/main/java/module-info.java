// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code AuthPort} adapter: CADC's user/password login (the {@code CADC_SSO} cookie), client
 * certificates read from PEM files without third-party libraries, and the credential policies that
 * put cookies, bearer tokens and basic credentials on requests only inside their realms.
 *
 * @provides io.cadc4j.core.internal.port.AuthPortProvider the built-in provider, named {@code cadc}
 */
module io.cadc4j.auth {
    requires io.cadc4j.core;

    provides io.cadc4j.core.internal.port.AuthPortProvider with io.cadc4j.auth.internal.CadcAuthPortProvider;
}
