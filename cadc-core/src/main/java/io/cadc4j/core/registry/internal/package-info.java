// SPDX-License-Identifier: Apache-2.0
/**
 * Implementation of service resolution: the StAX capabilities parser and the registry file
 * reader. Not exported; types here may change at any time.
 */
package io.cadc4j.core.registry.internal;
