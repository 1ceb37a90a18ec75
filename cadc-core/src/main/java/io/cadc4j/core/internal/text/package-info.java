// SPDX-License-Identifier: Apache-2.0
/**
 * Number text shared by the sky and SODA values. Not exported; types here may change at any time.
 */
package io.cadc4j.core.internal.text;
