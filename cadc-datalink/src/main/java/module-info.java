// SPDX-License-Identifier: Apache-2.0
/**
 * The DataLink adapter: the {@code DataLinkPort} provider (links resolved in concurrent batches,
 * service descriptors, SODA cutout URLs checked against the descriptor's limits), downloads
 * (resumed, verified, moved into place atomically), package archives extracted safely with Apache
 * Commons Compress, and the FITS check of downloaded cutouts. It exports nothing.
 *
 * @provides io.cadc4j.core.internal.port.DataLinkPortProvider
 */
module io.cadc4j.datalink {
    requires io.cadc4j.core;
    requires io.cadc4j.votable;
    requires org.apache.commons.compress;

    provides io.cadc4j.core.internal.port.DataLinkPortProvider with io.cadc4j.datalink.internal.HttpDataLinkPortProvider;
}
