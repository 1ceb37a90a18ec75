// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.util.Objects;

/**
 * The {@code semantics} of a DataLink row: a term of the IVOA DataLink vocabulary
 * ({@code http://www.ivoa.net/rdf/datalink/core}) such as {@code #this}, or a provider's own URI.
 * An open vocabulary: the constants name common terms and {@link #of(String)} accepts any other.
 * A full vocabulary URI and its {@code #term} short form are the same semantics.
 *
 * <p>Immutable and thread-safe.
 */
public final class Semantics {
    /** The vocabulary that short {@code #term} forms belong to. */
    public static final String VOCABULARY = "http://www.ivoa.net/rdf/datalink/core";

    /** The data itself. */
    public static final Semantics THIS = new Semantics("#this");
    /** A preview of the data. */
    public static final Semantics PREVIEW = new Semantics("#preview");
    /** Auxiliary data (weights, errors, noise, ...). */
    public static final Semantics AUXILIARY = new Semantics("#auxiliary");
    /** A cutout service. */
    public static final Semantics CUTOUT = new Semantics("#cutout");
    /** A package of the data and related files. */
    public static final Semantics PACKAGE = new Semantics("#package");
    /** Processing services in general. */
    public static final Semantics PROC = new Semantics("#proc");

    private final String term;

    private Semantics(String term) {
        this.term = term;
    }

    /**
     * Reads a semantics value as a service writes it, ignoring surrounding white space;
     * {@code http://www.ivoa.net/rdf/datalink/core#this} becomes {@code #this}.
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
        }
        return new Semantics(t);
    }

    /** @return the short form for vocabulary terms ({@code #this}), else the full URI */
    public String term() {
        return term;
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
