// SPDX-License-Identifier: Apache-2.0
/**
 * The JDK transport's implementation; not exported. Parameters are never null; thread-safety is
 * stated on each type.
 */
package io.cadc4j.http.jdk.internal;
