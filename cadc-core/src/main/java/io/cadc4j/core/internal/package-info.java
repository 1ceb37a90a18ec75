// SPDX-License-Identifier: Apache-2.0
/**
 * Implementation of the core; not exported. Types here may change at any time.
 */
package io.cadc4j.core.internal;
