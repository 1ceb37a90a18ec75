// SPDX-License-Identifier: Apache-2.0
/**
 * A stand-in for the name resolvers, CDS Sesame and CADC's target resolver, replaying captured
 * answers, with the faults a mirror shows (down, stalling, odd statuses). Parameters are never
 * null; the stand-in is thread-safe.
 */
package io.cadc4j.tests.server.names;
