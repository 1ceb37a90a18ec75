// SPDX-License-Identifier: Apache-2.0
/**
 * How the core hands a port adapter what it needs: the port providers found with {@link java.util.ServiceLoader} and the {@link io.cadc4j.core.internal.port.PortContext} they are created with.
 * Exported only to cadc4j's own modules (OSGi: {@code x-internal:=true}); not API, types here
 * may change at any time.
 */
package io.cadc4j.core.internal.port;
