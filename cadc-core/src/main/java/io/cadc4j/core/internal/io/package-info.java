// SPDX-License-Identifier: Apache-2.0
/**
 * Toolkit for files: {@link io.cadc4j.core.internal.io.AtomicFiles} writes a file atomically, honouring the umask.
 * Exported only to cadc4j's own modules (OSGi: {@code x-internal:=true}); not API, types here
 * may change at any time.
 */
package io.cadc4j.core.internal.io;
