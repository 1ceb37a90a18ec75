// SPDX-License-Identifier: Apache-2.0
/**
 * SAMP (the IVOA Simple Application Messaging Protocol) with JSAMP: sends query results
 * ({@code table.load.votable}) and FITS images ({@code image.load.fits}) to the desktop tools a hub
 * connects (TOPCAT, Aladin, DS9), and lists them. One small exported package,
 * {@code io.cadc4j.samp}; it provides no service.
 */
module io.cadc4j.samp {
    requires transitive io.cadc4j.core;
    requires io.cadc4j.votable;
    requires jsamp;

    exports io.cadc4j.samp;
}
