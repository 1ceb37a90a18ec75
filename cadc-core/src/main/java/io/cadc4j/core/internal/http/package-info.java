// SPDX-License-Identifier: Apache-2.0
/**
 * Toolkit the adapters share around the transport: the {@link io.cadc4j.core.internal.http.HttpPipeline}
 * (redirects, credentials, status-to-exception mapping), form and multipart bodies, the challenge
 * retry. Exported only to cadc4j's own modules (OSGi: {@code x-internal:=true}); not API, types here
 * may change at any time.
 */
package io.cadc4j.core.internal.http;
