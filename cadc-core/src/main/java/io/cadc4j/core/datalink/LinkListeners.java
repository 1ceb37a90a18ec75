// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.HashSet;

/** Calls {@link LinkListener}s for the {@link DataLinkPort} defaults. Stateless. */
final class LinkListeners {
    private static final System.Logger LOG = System.getLogger("io.cadc4j.datalink");

    private LinkListeners() {
    }

    /** Tells a listener of a whole resolution as one batch; what it throws is logged. */
    static void tellOnce(LinkListener listener, Collection<String> ids, LinkSet set) {
        int total = new HashSet<>(ids).size();
        try {
            listener.batchResolved(total, total, set.links().size());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a link listener failed: {0}", e.toString());
        }
    }
}
