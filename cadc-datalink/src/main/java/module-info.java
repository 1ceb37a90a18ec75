// SPDX-License-Identifier: Apache-2.0
/**
 * The DataLink adapter: downloads (resumed, verified, moved into place atomically), package
 * archives extracted safely with Apache Commons Compress, the FITS check of downloaded cutouts,
 * and the checks of SODA parameters against a service's limits. It exports nothing; the
 * {@code DataLinkPort} provider arrives with the link resolution of issue #5.
 */
module io.cadc4j.datalink {
    requires io.cadc4j.core;
    requires io.cadc4j.votable;
    requires org.apache.commons.compress;
}
