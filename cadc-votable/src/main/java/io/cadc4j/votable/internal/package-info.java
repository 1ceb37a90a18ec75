// SPDX-License-Identifier: Apache-2.0
/**
 * Implementation of the VOTable reader and writer; not exported. Types here are single-threaded
 * unless they say otherwise.
 */
package io.cadc4j.votable.internal;
