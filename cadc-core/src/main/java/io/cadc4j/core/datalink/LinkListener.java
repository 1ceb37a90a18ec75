// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

/**
 * Hears how a DataLink resolution advances: told once each time a batch of identifiers (one
 * {@code {links}} call, {@link LinkOptions#batchSize()} identifiers) has its answer, with the running
 * totals, so that a long resolution of many identifiers can show its progress.
 *
 * <pre>{@code
 * LinkSet urls = cadc.getDataUrls(ids, false, (done, total, links) ->
 *         System.err.printf("%d/%d identifiers resolved, %d links%n", done, total, links));
 * }</pre>
 *
 * <p>Thread-safety: batches are resolved on several threads at once, but the calls to one listener
 * never overlap and each sees the effects of the one before; {@code idsDone} grows with each call
 * and the last call of a resolution that succeeds has {@code idsDone == idsTotal} (no identifiers, no call). A listener need not be thread-safe itself, but
 * it is called from threads other than the caller's. It must not block for long; what it throws is
 * logged and otherwise ignored. A resolution that fails stops calling it.
 */
@FunctionalInterface
public interface LinkListener {
    /** A listener that ignores every event. */
    LinkListener NONE = (idsDone, idsTotal, linksFound) -> {
    };

    /**
     * A batch has been resolved.
     *
     * @param idsDone the distinct identifiers resolved so far (repeated identifiers are asked once)
     * @param idsTotal the distinct identifiers of the whole resolution
     * @param linksFound the links found so far that the resolution will return (error rows not counted)
     */
    void batchResolved(int idsDone, int idsTotal, int linksFound);
}
