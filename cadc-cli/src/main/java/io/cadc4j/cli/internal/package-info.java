// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code cadc} command: its picocli commands, output formats and error reporting. Not
 * exported; types here may change at any time.
 *
 * <p>Parameters are never null. Command objects are single-threaded (one run each).
 */
package io.cadc4j.cli.internal;
