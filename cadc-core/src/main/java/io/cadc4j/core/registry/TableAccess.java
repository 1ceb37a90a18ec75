// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a TAP capability declares beyond its interfaces (TAPRegExt 1.0, {@code tr:TableAccess}):
 * query languages, output formats, upload methods and the limits on retention, execution time,
 * output and uploads.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class TableAccess {
    /** TAPRegExt's identifier of inline (multipart) uploads. */
    public static final String UPLOAD_INLINE = "ivo://ivoa.net/std/TAPRegExt#upload-inline";
    /** TAPRegExt's identifier of uploads fetched by the service over http. */
    public static final String UPLOAD_HTTP = "ivo://ivoa.net/std/TAPRegExt#upload-http";
    /** TAPRegExt's identifier of uploads fetched by the service over https. */
    public static final String UPLOAD_HTTPS = "ivo://ivoa.net/std/TAPRegExt#upload-https";

    private final List<Language> languages;
    private final List<OutputFormat> outputFormats;
    private final List<String> uploadMethods;
    private final Limit retentionPeriod;
    private final Limit executionDuration;
    private final Limit outputLimit;
    private final Limit uploadLimit;

    private TableAccess(Builder b) {
        this.languages = List.copyOf(b.languages);
        this.outputFormats = List.copyOf(b.outputFormats);
        this.uploadMethods = List.copyOf(b.uploadMethods);
        this.retentionPeriod = b.retentionPeriod;
        this.executionDuration = b.executionDuration;
        this.outputLimit = b.outputLimit;
        this.uploadLimit = b.uploadLimit;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The query languages, in document order.
     *
     * @return the languages
     */
    public List<Language> languages() {
        return languages;
    }

    /**
     * The output formats, in document order.
     *
     * @return the formats
     */
    public List<OutputFormat> outputFormats() {
        return outputFormats;
    }

    /**
     * The upload methods' {@code ivo-id}s, e.g. {@link #UPLOAD_INLINE}.
     *
     * @return the identifiers, in document order
     */
    public List<String> uploadMethods() {
        return uploadMethods;
    }

    /**
     * Whether the service accepts an upload method.
     *
     * @param ivoId the method's identifier, e.g. {@link #UPLOAD_INLINE}
     * @return true when listed
     */
    public boolean supportsUpload(String ivoId) {
        return uploadMethods.contains(Objects.requireNonNull(ivoId, "ivoId"));
    }

    /**
     * How long the service keeps a job, in seconds.
     *
     * @return the limit, if declared
     */
    public Optional<Limit> retentionPeriod() {
        return Optional.ofNullable(retentionPeriod);
    }

    /**
     * How long a job may run, in seconds.
     *
     * @return the limit, if declared
     */
    public Optional<Limit> executionDuration() {
        return Optional.ofNullable(executionDuration);
    }

    /**
     * The largest result, in rows or bytes ({@link Limit#unit()}).
     *
     * @return the limit, if declared
     */
    public Optional<Limit> outputLimit() {
        return Optional.ofNullable(outputLimit);
    }

    /**
     * The largest upload, in rows or bytes ({@link Limit#unit()}).
     *
     * @return the limit, if declared
     */
    public Optional<Limit> uploadLimit() {
        return Optional.ofNullable(uploadLimit);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableAccess)) {
            return false;
        }
        TableAccess t = (TableAccess) o;
        return languages.equals(t.languages) && outputFormats.equals(t.outputFormats)
                && uploadMethods.equals(t.uploadMethods) && Objects.equals(retentionPeriod, t.retentionPeriod)
                && Objects.equals(executionDuration, t.executionDuration) && Objects.equals(outputLimit, t.outputLimit)
                && Objects.equals(uploadLimit, t.uploadLimit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(languages, outputFormats, uploadMethods, retentionPeriod, executionDuration, outputLimit,
                uploadLimit);
    }

    @Override
    public String toString() {
        return "TableAccess[" + languages.size() + " languages, " + outputFormats.size() + " formats, uploads "
                + uploadMethods.size() + "]";
    }

    /**
     * A query language and its versions ({@code tr:language}).
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Language {
        private final String name;
        private final List<String> versions;

        private Language(String name, List<String> versions) {
            this.name = name;
            this.versions = List.copyOf(versions);
        }

        /**
         * Makes a language.
         *
         * @param name the name, e.g. {@code ADQL}
         * @param versions the versions, e.g. {@code 2.0}
         * @return the language
         */
        public static Language of(String name, List<String> versions) {
            return new Language(Objects.requireNonNull(name, "name"), Objects.requireNonNull(versions, "versions"));
        }

        /** @return the name, e.g. {@code ADQL} */
        public String name() {
            return name;
        }

        /** @return the versions, in document order */
        public List<String> versions() {
            return versions;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Language && ((Language) o).name.equals(name) && ((Language) o).versions.equals(versions);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, versions);
        }

        @Override
        public String toString() {
            return name + versions;
        }
    }

    /**
     * An output format ({@code tr:outputFormat}): its MIME type, short aliases and identifier.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class OutputFormat {
        private final String mime;
        private final List<String> aliases;
        private final String ivoId;

        private OutputFormat(String mime, List<String> aliases, String ivoId) {
            this.mime = mime;
            this.aliases = List.copyOf(aliases);
            this.ivoId = ivoId;
        }

        /**
         * Makes an output format.
         *
         * @param mime the MIME type
         * @param aliases the aliases, e.g. {@code csv}
         * @param ivoId the {@code ivo-id}, or empty when absent
         * @return the format
         */
        public static OutputFormat of(String mime, List<String> aliases, String ivoId) {
            return new OutputFormat(Objects.requireNonNull(mime, "mime"), Objects.requireNonNull(aliases, "aliases"),
                    Objects.requireNonNull(ivoId, "ivoId"));
        }

        /** @return the MIME type */
        public String mime() {
            return mime;
        }

        /** @return the aliases, in document order */
        public List<String> aliases() {
            return aliases;
        }

        /** @return the {@code ivo-id}, if any */
        public Optional<String> ivoId() {
            return ivoId.isEmpty() ? Optional.empty() : Optional.of(ivoId);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof OutputFormat)) {
                return false;
            }
            OutputFormat f = (OutputFormat) o;
            return mime.equals(f.mime) && aliases.equals(f.aliases) && ivoId.equals(f.ivoId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(mime, aliases, ivoId);
        }

        @Override
        public String toString() {
            return mime + aliases;
        }
    }

    /**
     * A TAPRegExt limit: a default and a hard value in one unit ({@code row}, {@code byte}, or
     * seconds for durations).
     *
     * <p>Immutable and thread-safe.
     */
    public static final class Limit {
        /** The unit of a row count. */
        public static final String ROW = "row";
        /** The unit of a byte count. */
        public static final String BYTE = "byte";
        /** The unit of a duration. */
        public static final String SECONDS = "s";

        private final long defaultValue;
        private final long hard;
        private final String unit;

        private Limit(long defaultValue, long hard, String unit) {
            this.defaultValue = defaultValue;
            this.hard = hard;
            this.unit = unit;
        }

        /**
         * Makes a limit.
         *
         * @param defaultValue the default, or a negative number when absent
         * @param hard the hard limit, or a negative number when absent
         * @param unit the unit, e.g. {@link #ROW}; lower-cased
         * @return the limit
         */
        public static Limit of(long defaultValue, long hard, String unit) {
            return new Limit(Math.max(-1, defaultValue), Math.max(-1, hard),
                    Objects.requireNonNull(unit, "unit").strip().toLowerCase(Locale.ROOT));
        }

        /** @return the default value, if declared */
        public OptionalLong defaultValue() {
            return defaultValue < 0 ? OptionalLong.empty() : OptionalLong.of(defaultValue);
        }

        /** @return the hard limit, if declared */
        public OptionalLong hard() {
            return hard < 0 ? OptionalLong.empty() : OptionalLong.of(hard);
        }

        /** @return the unit: {@link #ROW}, {@link #BYTE}, {@link #SECONDS} or as the document wrote it */
        public String unit() {
            return unit;
        }

        /**
         * The tightest value a request is held to: the hard limit, else the default.
         *
         * @return the effective limit, if any is declared
         */
        public OptionalLong effective() {
            return hard >= 0 ? OptionalLong.of(hard) : defaultValue();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Limit)) {
                return false;
            }
            Limit l = (Limit) o;
            return defaultValue == l.defaultValue && hard == l.hard && unit.equals(l.unit);
        }

        @Override
        public int hashCode() {
            return Objects.hash(defaultValue, hard, unit);
        }

        @Override
        public String toString() {
            return "Limit[default " + defaultValue + ", hard " + hard + " " + unit + "]";
        }
    }

    /** Collects the TAPRegExt extras of one capability. Single-threaded. */
    public static final class Builder {
        private final List<Language> languages = new ArrayList<>();
        private final List<OutputFormat> outputFormats = new ArrayList<>();
        private final List<String> uploadMethods = new ArrayList<>();
        private Limit retentionPeriod;
        private Limit executionDuration;
        private Limit outputLimit;
        private Limit uploadLimit;

        private Builder() {
        }

        /**
         * Adds a language.
         *
         * @param language the language
         * @return this builder
         */
        public Builder language(Language language) {
            languages.add(Objects.requireNonNull(language, "language"));
            return this;
        }

        /**
         * Adds an output format.
         *
         * @param format the format
         * @return this builder
         */
        public Builder outputFormat(OutputFormat format) {
            outputFormats.add(Objects.requireNonNull(format, "format"));
            return this;
        }

        /**
         * Adds an upload method.
         *
         * @param ivoId the method's identifier
         * @return this builder
         */
        public Builder uploadMethod(String ivoId) {
            uploadMethods.add(Objects.requireNonNull(ivoId, "ivoId"));
            return this;
        }

        /**
         * Sets the retention period.
         *
         * @param limit the limit in seconds
         * @return this builder
         */
        public Builder retentionPeriod(Limit limit) {
            this.retentionPeriod = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /**
         * Sets the execution duration.
         *
         * @param limit the limit in seconds
         * @return this builder
         */
        public Builder executionDuration(Limit limit) {
            this.executionDuration = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /**
         * Sets the output limit.
         *
         * @param limit the limit
         * @return this builder
         */
        public Builder outputLimit(Limit limit) {
            this.outputLimit = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /**
         * Sets the upload limit.
         *
         * @param limit the limit
         * @return this builder
         */
        public Builder uploadLimit(Limit limit) {
            this.uploadLimit = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /** @return the TAPRegExt extras */
        public TableAccess build() {
            return new TableAccess(this);
        }
    }
}
