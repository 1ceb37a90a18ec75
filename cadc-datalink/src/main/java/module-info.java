// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code DataLinkPort} adapter: DataLink links, SODA cutouts and downloads.
 * Its implementation arrives with issue #5; until then the module holds only its descriptor.
 */
module io.cadc4j.datalink {
    requires io.cadc4j.core;
    requires io.cadc4j.votable;
}
