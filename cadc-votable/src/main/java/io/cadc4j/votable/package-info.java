// SPDX-License-Identifier: Apache-2.0
/**
 * Reading and writing VOTables as streams. Arrives with issue #3.
 */
package io.cadc4j.votable;
