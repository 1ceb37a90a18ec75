// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.samp;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What became of one message sent to the hub's clients: who accepted it, and who refused it or
 * failed, with their error text.
 *
 * <p>Immutable and thread-safe.
 */
public final class SampDelivery {
    private final String mtype;
    private final List<SampPeer> accepted;
    private final Map<SampPeer, String> failed;

    SampDelivery(String mtype, List<SampPeer> accepted, Map<SampPeer, String> failed) {
        this.mtype = mtype;
        this.accepted = List.copyOf(accepted);
        this.failed = Map.copyOf(failed);
    }

    /** @return the message type sent, e.g. {@code table.load.votable} */
    public String mtype() {
        return mtype;
    }

    /** @return the clients that answered with success (or a warning) */
    public List<SampPeer> accepted() {
        return accepted;
    }

    /** @return the clients that answered with an error, or did not answer in time, and why */
    public Map<SampPeer, String> failed() {
        return failed;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SampDelivery)) {
            return false;
        }
        SampDelivery d = (SampDelivery) o;
        return d.mtype.equals(mtype) && d.accepted.equals(accepted) && d.failed.equals(failed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mtype, accepted, failed);
    }

    @Override
    public String toString() {
        return mtype + ": accepted by " + accepted + (failed.isEmpty() ? "" : ", failed " + failed);
    }
}
