// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.util.Objects;

/**
 * How downloads behave: the overwrite policy, resuming, checksum checks, parallelism and the
 * limits on extracted archives.
 *
 * <p>Defaults: {@link OverwritePolicy#SKIP}; resume partial files; verify checksums the server
 * sends; at most 4 downloads at once and 2 per host; archives extract at most 64 GiB in at most
 * 100,000 entries.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class DownloadOptions {
    private static final DownloadOptions DEFAULTS = new Builder().build();

    private final OverwritePolicy overwrite;
    private final boolean resume;
    private final boolean verifyChecksums;
    private final int maxConcurrent;
    private final int maxPerHost;
    private final long maxExtractedBytes;
    private final int maxArchiveEntries;

    private DownloadOptions(Builder b) {
        this.overwrite = b.overwrite;
        this.resume = b.resume;
        this.verifyChecksums = b.verifyChecksums;
        this.maxConcurrent = b.maxConcurrent;
        this.maxPerHost = b.maxPerHost;
        this.maxExtractedBytes = b.maxExtractedBytes;
        this.maxArchiveEntries = b.maxArchiveEntries;
    }

    /**
     * The default options.
     *
     * @return the defaults
     */
    public static DownloadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options, to change a copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.overwrite = overwrite;
        b.resume = resume;
        b.verifyChecksums = verifyChecksums;
        b.maxConcurrent = maxConcurrent;
        b.maxPerHost = maxPerHost;
        b.maxExtractedBytes = maxExtractedBytes;
        b.maxArchiveEntries = maxArchiveEntries;
        return b;
    }

    /** @return what happens when the file exists */
    public OverwritePolicy overwrite() {
        return overwrite;
    }

    /** @return whether a partial file left by a broken download is continued with a range request */
    public boolean resume() {
        return resume;
    }

    /** @return whether bodies are checked against the checksum their server sends */
    public boolean verifyChecksums() {
        return verifyChecksums;
    }

    /** @return the most downloads running at once */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** @return the most downloads running at once from one host */
    public int maxPerHost() {
        return maxPerHost;
    }

    /** @return the most bytes one archive may extract to */
    public long maxExtractedBytes() {
        return maxExtractedBytes;
    }

    /** @return the most entries one archive may hold */
    public int maxArchiveEntries() {
        return maxArchiveEntries;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DownloadOptions)) {
            return false;
        }
        DownloadOptions d = (DownloadOptions) o;
        return overwrite == d.overwrite && resume == d.resume && verifyChecksums == d.verifyChecksums
                && maxConcurrent == d.maxConcurrent && maxPerHost == d.maxPerHost
                && maxExtractedBytes == d.maxExtractedBytes && maxArchiveEntries == d.maxArchiveEntries;
    }

    @Override
    public int hashCode() {
        return Objects.hash(overwrite, resume, verifyChecksums, maxConcurrent, maxPerHost, maxExtractedBytes,
                maxArchiveEntries);
    }

    @Override
    public String toString() {
        return "DownloadOptions[overwrite=" + overwrite + ", resume=" + resume + ", verifyChecksums=" + verifyChecksums
                + ", maxConcurrent=" + maxConcurrent + ", maxPerHost=" + maxPerHost + ", maxExtractedBytes="
                + maxExtractedBytes + ", maxArchiveEntries=" + maxArchiveEntries + "]";
    }

    /**
     * Collects options, starting from the defaults. Single-threaded.
     */
    public static final class Builder {
        private OverwritePolicy overwrite = OverwritePolicy.SKIP;
        private boolean resume = true;
        private boolean verifyChecksums = true;
        private int maxConcurrent = 4;
        private int maxPerHost = 2;
        private long maxExtractedBytes = 64L << 30;
        private int maxArchiveEntries = 100_000;

        private Builder() {
        }

        /**
         * Sets what happens when the file exists.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder overwrite(OverwritePolicy policy) {
            this.overwrite = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets whether partial files are resumed.
         *
         * @param resume true to resume
         * @return this builder
         */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /**
         * Sets whether checksums sent by the server are verified.
         *
         * @param verify true to verify
         * @return this builder
         */
        public Builder verifyChecksums(boolean verify) {
            this.verifyChecksums = verify;
            return this;
        }

        /**
         * Sets the most downloads running at once.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxConcurrent(int max) {
            this.maxConcurrent = positive("maxConcurrent", max);
            return this;
        }

        /**
         * Sets the most downloads running at once from one host.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxPerHost(int max) {
            this.maxPerHost = positive("maxPerHost", max);
            return this;
        }

        /**
         * Sets the most bytes one archive may extract to; an archive that declares or writes
         * more fails.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxExtractedBytes(long max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxExtractedBytes must be at least 1, not " + max);
            }
            this.maxExtractedBytes = max;
            return this;
        }

        /**
         * Sets the most entries one archive may hold.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxArchiveEntries(int max) {
            this.maxArchiveEntries = positive("maxArchiveEntries", max);
            return this;
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, not " + value);
            }
            return value;
        }

        /**
         * Makes the options.
         *
         * @return the options
         */
        public DownloadOptions build() {
            return new DownloadOptions(this);
        }
    }
}
