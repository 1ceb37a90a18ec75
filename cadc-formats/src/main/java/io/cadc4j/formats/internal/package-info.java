// SPDX-License-Identifier: Apache-2.0
/**
 * Implementation of module {@code io.cadc4j.formats}; not exported. Types here are internal and may change at any time.
 */
package io.cadc4j.formats.internal;
