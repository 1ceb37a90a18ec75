// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

/**
 * Bounds on what the reader accepts from a document, so that hostile or broken input fails with a
 * {@link io.cadc4j.core.ProtocolViolationException} naming the limit and the location instead of
 * exhausting memory. The defaults suit every real VOTable seen and are documented on each getter.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class ParserLimits {
    private static final ParserLimits DEFAULTS = new Builder().build();

    private final int maxDepth;
    private final int maxFields;
    private final int maxCellCharacters;
    private final int maxArrayElements;
    private final int maxAttributeLength;
    private final int maxMetadataElements;

    private ParserLimits(Builder b) {
        this.maxDepth = b.maxDepth;
        this.maxFields = b.maxFields;
        this.maxCellCharacters = b.maxCellCharacters;
        this.maxArrayElements = b.maxArrayElements;
        this.maxAttributeLength = b.maxAttributeLength;
        this.maxMetadataElements = b.maxMetadataElements;
    }

    /** @return the default limits */
    public static ParserLimits defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the deepest element nesting accepted; default 64 */
    public int maxDepth() {
        return maxDepth;
    }

    /** @return the most FIELDs a table may have; default 10,000 */
    public int maxFields() {
        return maxFields;
    }

    /** @return the most characters in one TD cell or one INFO/DESCRIPTION text; default 16,777,216 */
    public int maxCellCharacters() {
        return maxCellCharacters;
    }

    /** @return the most elements in one array cell; default 16,777,216 */
    public int maxArrayElements() {
        return maxArrayElements;
    }

    /** @return the longest attribute value accepted, in characters; default 1,048,576 */
    public int maxAttributeLength() {
        return maxAttributeLength;
    }

    /** @return the most metadata elements (INFO, PARAM, GROUP, FIELD, LINK, ...) in a document; default 200,000 */
    public int maxMetadataElements() {
        return maxMetadataElements;
    }

    @Override
    public String toString() {
        return "ParserLimits[depth=" + maxDepth + ", fields=" + maxFields + ", cellCharacters=" + maxCellCharacters
                + ", arrayElements=" + maxArrayElements + ", attributeLength=" + maxAttributeLength
                + ", metadataElements=" + maxMetadataElements + "]";
    }

    /** Collects limits; every value must be positive. Single-threaded. */
    public static final class Builder {
        private int maxDepth = 64;
        private int maxFields = 10_000;
        private int maxCellCharacters = 16 * 1024 * 1024;
        private int maxArrayElements = 16 * 1024 * 1024;
        private int maxAttributeLength = 1024 * 1024;
        private int maxMetadataElements = 200_000;

        private Builder() {
        }

        private static int positive(int v, String name) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + v);
            }
            return v;
        }

        /**
         * Sets the deepest nesting.
         *
         * @param v the deepest nesting
         * @return this builder
         */
        public Builder maxDepth(int v) {
            this.maxDepth = positive(v, "maxDepth");
            return this;
        }

        /**
         * Sets the most FIELDs.
         *
         * @param v the most FIELDs
         * @return this builder
         */
        public Builder maxFields(int v) {
            this.maxFields = positive(v, "maxFields");
            return this;
        }

        /**
         * Sets the most characters in a cell.
         *
         * @param v the most characters in a cell
         * @return this builder
         */
        public Builder maxCellCharacters(int v) {
            this.maxCellCharacters = positive(v, "maxCellCharacters");
            return this;
        }

        /**
         * Sets the most array elements.
         *
         * @param v the most array elements
         * @return this builder
         */
        public Builder maxArrayElements(int v) {
            this.maxArrayElements = positive(v, "maxArrayElements");
            return this;
        }

        /**
         * Sets the longest attribute value.
         *
         * @param v the longest attribute value
         * @return this builder
         */
        public Builder maxAttributeLength(int v) {
            this.maxAttributeLength = positive(v, "maxAttributeLength");
            return this;
        }

        /**
         * Sets the most metadata elements.
         *
         * @param v the most metadata elements
         * @return this builder
         */
        public Builder maxMetadataElements(int v) {
            this.maxMetadataElements = positive(v, "maxMetadataElements");
            return this;
        }

        /** @return the limits */
        public ParserLimits build() {
            return new ParserLimits(this);
        }
    }
}
