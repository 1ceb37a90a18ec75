// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of a UWS job's {@code results} list: an id and the {@code xlink:href} where the
 * result lives, possibly on another host (TAP's main result has the id {@code result}, TAP 1.1 §2.2).
 *
 * <p>Immutable and thread-safe.
 */
public final class ResultReference {
    /** The id of TAP's main result. */
    public static final String MAIN_RESULT_ID = "result";

    private final String id;
    private final URI href;
    private final String mimeType;
    private final long size;

    private ResultReference(String id, URI href, String mimeType, long size) {
        this.id = id;
        this.href = href;
        this.mimeType = mimeType;
        this.size = size;
    }

    /**
     * Makes a result reference.
     *
     * @param id the result id
     * @param href where the result is fetched from
     * @param mimeType the declared MIME type, or empty
     * @param size the declared size in bytes, or a negative number when absent
     * @return the reference
     */
    public static ResultReference of(String id, URI href, String mimeType, long size) {
        return new ResultReference(Objects.requireNonNull(id, "id"), Objects.requireNonNull(href, "href"),
                Objects.requireNonNull(mimeType, "mimeType"), Math.max(-1, size));
    }

    /** @return the result id */
    public String id() {
        return id;
    }

    /** @return where the result is fetched from */
    public URI href() {
        return href;
    }

    /** @return the declared MIME type, if any */
    public Optional<String> mimeType() {
        return mimeType.isEmpty() ? Optional.empty() : Optional.of(mimeType);
    }

    /** @return the declared size in bytes, if any */
    public OptionalLong size() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /**
     * Whether this is TAP's main result: id {@code result}, or an href ending in
     * {@code /results/result} (DIGEST §3.1).
     *
     * @return true for the main result
     */
    public boolean isMainResult() {
        return MAIN_RESULT_ID.equals(id) || href.getPath() != null && href.getPath().endsWith("/results/result");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ResultReference)) {
            return false;
        }
        ResultReference r = (ResultReference) o;
        return id.equals(r.id) && href.equals(r.href) && mimeType.equals(r.mimeType) && size == r.size;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, href, mimeType, size);
    }

    @Override
    public String toString() {
        return id + " -> " + href;
    }
}
