// SPDX-License-Identifier: Apache-2.0
/**
 * Implementation of module {@code io.cadc4j.auth}; not exported. Types here are internal and may change at any time.
 *
 * <p>{@link io.cadc4j.auth.internal.CadcAuthPortProvider} makes {@link io.cadc4j.auth.internal.CadcAuthAdapter}s;
 * {@link io.cadc4j.auth.internal.PemCredentialReader} turns PEM files into TLS contexts with the help of the small
 * DER codec {@link io.cadc4j.auth.internal.Der}; {@link io.cadc4j.auth.internal.RealmCredentialPolicy} applies
 * header credentials inside their realms.
 */
package io.cadc4j.auth.internal;
