// SPDX-License-Identifier: Apache-2.0
/**
 * Toolkit for XML: the one hardened StAX factory ({@link io.cadc4j.core.internal.xml.Stax}; no DTD, no external entities) and the one XML escaper.
 * Exported only to cadc4j's own modules (OSGi: {@code x-internal:=true}); not API, types here
 * may change at any time.
 */
package io.cadc4j.core.internal.xml;
