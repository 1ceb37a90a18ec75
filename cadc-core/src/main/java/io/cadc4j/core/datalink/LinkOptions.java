// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.util.Objects;

/**
 * How a {@link DataLinkPort} asks for links: how many identifiers per call ({@link #batchSize()},
 * 20 by default, as CADC expects), how many calls at once ({@link #maxConcurrent()}, 4 by
 * default), whether to send CADC's {@code REQUEST=downloads-only} (which leaves out cutout and
 * other service rows), and whether the form may be POSTed.
 *
 * <p>Immutable and thread-safe.
 */
public final class LinkOptions {
    private static final LinkOptions DEFAULTS = builder().build();

    private final int batchSize;
    private final int maxConcurrent;
    private final boolean downloadsOnly;
    private final boolean post;

    private LinkOptions(Builder b) {
        this.batchSize = b.batchSize;
        this.maxConcurrent = b.maxConcurrent;
        this.downloadsOnly = b.downloadsOnly;
        this.post = b.post;
    }

    /** @return 20 identifiers per call, 4 calls at once, every row, POST where the service accepts it */
    public static LinkOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.batchSize = batchSize;
        b.maxConcurrent = maxConcurrent;
        b.downloadsOnly = downloadsOnly;
        b.post = post;
        return b;
    }

    /** @return identifiers per call */
    public int batchSize() {
        return batchSize;
    }

    /** @return calls in flight at once */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** @return whether CADC's {@code REQUEST=downloads-only} is sent */
    public boolean downloadsOnly() {
        return downloadsOnly;
    }

    /** @return whether calls are POSTed (falling back to GET when the service refuses POST) */
    public boolean post() {
        return post;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LinkOptions)) {
            return false;
        }
        LinkOptions l = (LinkOptions) o;
        return batchSize == l.batchSize && maxConcurrent == l.maxConcurrent && downloadsOnly == l.downloadsOnly
                && post == l.post;
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchSize, maxConcurrent, downloadsOnly, post);
    }

    @Override
    public String toString() {
        return "LinkOptions[batchSize=" + batchSize + ", maxConcurrent=" + maxConcurrent + ", downloadsOnly="
                + downloadsOnly + ", post=" + post + "]";
    }

    /** Builds {@link LinkOptions}. Single-threaded. */
    public static final class Builder {
        private int batchSize = 20;
        private int maxConcurrent = 4;
        private boolean downloadsOnly;
        private boolean post = true;

        private Builder() {
        }

        /**
         * @param batchSize identifiers per call, at least 1
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * @param maxConcurrent calls in flight at once, at least 1 (1 is strictly sequential)
         * @return this builder
         */
        public Builder maxConcurrent(int maxConcurrent) {
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
            }
            this.maxConcurrent = maxConcurrent;
            return this;
        }

        /**
         * @param downloadsOnly whether to send CADC's {@code REQUEST=downloads-only}
         * @return this builder
         */
        public Builder downloadsOnly(boolean downloadsOnly) {
            this.downloadsOnly = downloadsOnly;
            return this;
        }

        /**
         * @param post true to POST the form (DataLink 1.1 §3.1 allows both), false to always GET
         * @return this builder
         */
        public Builder post(boolean post) {
            this.post = post;
            return this;
        }

        /** @return the options */
        public LinkOptions build() {
            return new LinkOptions(this);
        }
    }
}
