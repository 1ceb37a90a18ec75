// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code semantics} of a DataLink row: a term of the IVOA DataLink vocabulary
 * ({@code http://www.ivoa.net/rdf/datalink/core}) such as {@code #this}, or a provider's own URI.
 * An open vocabulary: the constants name the terms of the vocabulary and {@link #of(String)}
 * accepts any other value.
 *
 * <p>Equality: a full vocabulary URI and its {@code #term} short form are the same semantics
 * ({@code of("http://www.ivoa.net/rdf/datalink/core#this").equals(THIS)}). CADC's legacy
 * terms are read as the vocabulary terms they stand for: {@code http://www.opencadc.org/caom2#pkg}
 * is {@link #PACKAGE}, and {@code http://www.opencadc.org/caom2#thumbnail} (also seen misspelt
 * {@code http://www.openadc.org/caom2#thumbnail}) is {@link #THUMBNAIL}. Any other value is
 * compared as given.
 *
 * <p>The vocabulary relates terms: {@code #cutout} is narrower than {@code #proc},
 * {@code #weight} narrower than {@code #auxiliary}. {@link #isA(Semantics)} follows those
 * relations, as a "by semantics" lookup should (a search for auxiliary files also finds weight
 * maps). The relations known here are those of the vocabulary as published at the time of
 * writing; a term added later is still accepted by {@link #of(String)}, it just has no known
 * broader term.
 *
 * <p>Immutable and thread-safe.
 */
public final class Semantics {
    /** The vocabulary that short {@code #term} forms belong to. */
    public static final String VOCABULARY = "http://www.ivoa.net/rdf/datalink/core";

    private static final Map<String, Semantics> KNOWN = new HashMap<>();

    /** The data itself. */
    public static final Semantics THIS = term("#this", null);
    /** Data that were used to make this dataset (raw input). */
    public static final Semantics PROGENITOR = term("#progenitor", null);
    /** Data derived from this dataset. */
    public static final Semantics DERIVATION = term("#derivation", null);
    /** Auxiliary data; broader than {@link #WEIGHT}, {@link #ERROR} and {@link #NOISE}. */
    public static final Semantics AUXILIARY = term("#auxiliary", null);
    /** A weight map; narrower than {@link #AUXILIARY}. */
    public static final Semantics WEIGHT = term("#weight", AUXILIARY);
    /** An error map; narrower than {@link #AUXILIARY}. */
    public static final Semantics ERROR = term("#error", AUXILIARY);
    /** A noise map; narrower than {@link #AUXILIARY}. */
    public static final Semantics NOISE = term("#noise", AUXILIARY);
    /** Calibration data not yet applied; broader than {@link #BIAS}, {@link #DARK}, {@link #FLAT}. */
    public static final Semantics CALIBRATION = term("#calibration", null);
    /** A bias frame; narrower than {@link #CALIBRATION}. */
    public static final Semantics BIAS = term("#bias", CALIBRATION);
    /** A dark frame; narrower than {@link #CALIBRATION}. */
    public static final Semantics DARK = term("#dark", CALIBRATION);
    /** A flat field; narrower than {@link #CALIBRATION}. */
    public static final Semantics FLAT = term("#flat", CALIBRATION);
    /** A preview; broader than {@link #PREVIEW_IMAGE}, {@link #PREVIEW_PLOT}, {@link #THUMBNAIL}. */
    public static final Semantics PREVIEW = term("#preview", null);
    /** A preview image; narrower than {@link #PREVIEW}. */
    public static final Semantics PREVIEW_IMAGE = term("#preview-image", PREVIEW);
    /** A preview plot; narrower than {@link #PREVIEW}. */
    public static final Semantics PREVIEW_PLOT = term("#preview-plot", PREVIEW);
    /** A small preview image; narrower than {@link #PREVIEW}. */
    public static final Semantics THUMBNAIL = term("#thumbnail", PREVIEW);
    /** A processing service; broader than {@link #CUTOUT}. */
    public static final Semantics PROC = term("#proc", null);
    /** A cutout service; narrower than {@link #PROC}. */
    public static final Semantics CUTOUT = term("#cutout", PROC);
    /** Documentation; broader than {@link #DETACHED_HEADER}. */
    public static final Semantics DOCUMENTATION = term("#documentation", null);
    /** A header kept apart from its data; narrower than {@link #DOCUMENTATION}. */
    public static final Semantics DETACHED_HEADER = term("#detached-header", DOCUMENTATION);
    /** Data produced together with this dataset. */
    public static final Semantics CODERIVED = term("#coderived", null);
    /** The same object seen by another instrument or in another band. */
    public static final Semantics COUNTERPART = term("#counterpart", null);
    /** A package (archive) of the data and related files. */
    public static final Semantics PACKAGE = term("#package", null);

    /** CADC's legacy package term, read as {@link #PACKAGE}. */
    static final String CADC_LEGACY_PACKAGE = "http://www.opencadc.org/caom2#pkg";

    private final String term;
    private final Semantics broader;

    private Semantics(String term, Semantics broader) {
        this.term = term;
        this.broader = broader;
    }

    private static Semantics term(String term, Semantics broader) {
        Semantics s = new Semantics(term, broader);
        KNOWN.put(term, s);
        return s;
    }

    /**
     * Reads a semantics value as a service writes it, ignoring surrounding white space;
     * {@code http://www.ivoa.net/rdf/datalink/core#this} becomes {@link #THIS}, CADC's legacy
     * {@code http://www.opencadc.org/caom2#pkg} becomes {@link #PACKAGE}.
     *
     * @param text the semantics value
     * @return the semantics
     * @throws IllegalArgumentException if the text is blank
     */
    public static Semantics of(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("semantics is blank");
        }
        if (t.startsWith(VOCABULARY + "#")) {
            t = t.substring(VOCABULARY.length());
        } else if (t.equals(CADC_LEGACY_PACKAGE)) {
            return PACKAGE;
        } else if (t.equals("http://www.opencadc.org/caom2#thumbnail")
                || t.equals("http://www.openadc.org/caom2#thumbnail")) {
            return THUMBNAIL;
        }
        Semantics known = KNOWN.get(t);
        return known != null ? known : new Semantics(t, null);
    }

    /**
     * The value in its short form: {@code #this} for a vocabulary term, else the URI as given.
     *
     * @return the term
     */
    public String term() {
        return term;
    }

    /**
     * The value as a full URI: {@code http://www.ivoa.net/rdf/datalink/core#this} for a vocabulary
     * term, else the value as given.
     *
     * @return the URI text
     */
    public String uri() {
        return term.startsWith("#") ? VOCABULARY + term : term;
    }

    /**
     * Whether this is a term of the DataLink vocabulary known to this library.
     *
     * @return true for the terms that have constants here
     */
    public boolean isVocabularyTerm() {
        return KNOWN.get(term) == this;
    }

    /**
     * The term this one is narrower than, e.g. {@link #PROC} for {@link #CUTOUT}.
     *
     * @return the broader term, or empty for a top-level or unknown term
     */
    public Optional<Semantics> broader() {
        return Optional.ofNullable(broader);
    }

    /**
     * The known terms directly narrower than this one, e.g. {@code #weight}, {@code #error} and
     * {@code #noise} for {@link #AUXILIARY}.
     *
     * @return the narrower terms; empty for a term with none or an unknown term
     */
    public Set<Semantics> narrower() {
        Set<Semantics> result = new LinkedHashSet<>();
        for (Semantics s : KNOWN.values()) {
            if (s.broader == this) {
                result.add(s);
            }
        }
        return Collections.unmodifiableSet(result);
    }

    /**
     * Whether this semantics is the given one or narrower than it, so that a lookup for
     * {@link #AUXILIARY} also finds {@link #WEIGHT}, and one for {@link #PROC} finds {@link #CUTOUT}.
     *
     * @param wanted the semantics looked for
     * @return true if this is {@code wanted} or a narrower term of it, at any depth
     */
    public boolean isA(Semantics wanted) {
        Objects.requireNonNull(wanted, "wanted");
        for (Semantics s = this; s != null; s = s.broader) {
            if (s.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A semantics written as a URI with a fragment, for callers holding a {@link URI}.
     *
     * @param uri the semantics URI
     * @return the semantics, as {@link #of(String)} reads it
     */
    public static Semantics of(URI uri) {
        return of(Objects.requireNonNull(uri, "uri").toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Semantics && ((Semantics) o).term.equals(term);
    }

    @Override
    public int hashCode() {
        return term.hashCode();
    }

    @Override
    public String toString() {
        return term;
    }
}
