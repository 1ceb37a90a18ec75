// SPDX-License-Identifier: Apache-2.0
/**
 * Toolkit for service discovery: the {@link io.cadc4j.core.internal.registry.ServiceResolver} that reads a registry file and caches capabilities.
 * Exported only to cadc4j's own modules (OSGi: {@code x-internal:=true}); not API, types here
 * may change at any time.
 */
package io.cadc4j.core.internal.registry;
