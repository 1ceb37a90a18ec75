// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a {@link DataLinkPort} answers for a list of identifiers: the rows grouped by identifier in
 * the order the identifiers were asked, error rows included. An identifier the service never
 * answered has an error row saying so; nothing is dropped.
 *
 * <p>Immutable and thread-safe.
 */
public final class LinkSet {
    private final List<DataLink> rows;

    private LinkSet(List<DataLink> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * Makes a set.
     *
     * @param rows the rows, grouped by identifier
     * @return the set
     */
    public static LinkSet of(List<DataLink> rows) {
        return new LinkSet(Objects.requireNonNull(rows, "rows"));
    }

    /** @return every row, error rows included, grouped by identifier in the order asked */
    public List<DataLink> rows() {
        return rows;
    }

    /** @return the rows that report an error (DataLink {@code error_message}) */
    public List<DataLink> errors() {
        return select(DataLink::isError);
    }

    /** @return the rows that are not errors */
    public List<DataLink> links() {
        return select(l -> !l.isError());
    }

    /**
     * The rows for one identifier.
     *
     * @param id the identifier
     * @return its rows, errors included; empty if it was not asked
     */
    public List<DataLink> forId(String id) {
        Objects.requireNonNull(id, "id");
        return select(l -> l.id().equals(id));
    }

    /** @return the rows by identifier, in the order asked */
    public Map<String, List<DataLink>> byId() {
        Map<String, List<DataLink>> out = new LinkedHashMap<>();
        for (DataLink l : rows) {
            out.computeIfAbsent(l.id(), k -> new ArrayList<>()).add(l);
        }
        return out;
    }

    /**
     * The access URLs of the rows that pass a filter, in row order.
     *
     * @param filter which semantics to keep
     * @return the URLs
     */
    public List<URI> accessUrls(Predicate<Semantics> filter) {
        Objects.requireNonNull(filter, "filter");
        List<URI> out = new ArrayList<>();
        for (DataLink l : rows) {
            if (!l.isError() && filter.test(l.semantics()) && l.accessUrl().isPresent()) {
                out.add(l.accessUrl().get());
            }
        }
        return out;
    }

    /**
     * The rows that pass a test.
     *
     * @param test the test
     * @return the rows, in order
     */
    public List<DataLink> select(Predicate<DataLink> test) {
        Objects.requireNonNull(test, "test");
        List<DataLink> out = new ArrayList<>();
        for (DataLink l : rows) {
            if (test.test(l)) {
                out.add(l);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkSet && rows.equals(((LinkSet) o).rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return "LinkSet[" + rows.size() + " rows, " + errors().size() + " errors]";
    }
}
