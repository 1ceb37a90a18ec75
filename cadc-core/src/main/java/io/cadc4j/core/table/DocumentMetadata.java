// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a whole VOTable document says outside the rows: its version, the root DESCRIPTION, INFOs,
 * PARAMs, GROUPs, COOSYS and TIMESYS, and its RESOURCEs (tables as metadata; service descriptors
 * as {@code type="meta"} resources).
 *
 * <p>A streaming reader knows the parts before the data at once and the rest (trailing INFOs,
 * resources after the results) once the rows are consumed.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class DocumentMetadata {
    private final String version;
    private final String description;
    private final List<Info> infos;
    private final List<Param> params;
    private final List<Group> groups;
    private final List<CoordinateSystem> coordinateSystems;
    private final List<TimeSystem> timeSystems;
    private final List<Resource> resources;

    private DocumentMetadata(Builder b) {
        this.version = b.version;
        this.description = b.description;
        this.infos = List.copyOf(b.infos);
        this.params = List.copyOf(b.params);
        this.groups = List.copyOf(b.groups);
        this.coordinateSystems = List.copyOf(b.coordinateSystems);
        this.timeSystems = List.copyOf(b.timeSystems);
        this.resources = List.copyOf(b.resources);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A document holding one results resource with one table, for cursors that do not read a
     * VOTable.
     *
     * @param table the table
     * @return the document
     */
    public static DocumentMetadata ofTable(TableMetadata table) {
        Objects.requireNonNull(table, "table");
        return builder().resource(Resource.builder().table(table).build()).build();
    }

    /** @return the {@code version} attribute of VOTABLE, if any */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** @return the root DESCRIPTION, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the INFOs directly under VOTABLE (also those in legacy DEFINITIONS), in order */
    public List<Info> infos() {
        return infos;
    }

    /** @return the PARAMs directly under VOTABLE (also those in legacy DEFINITIONS), in order */
    public List<Param> params() {
        return params;
    }

    /** @return the GROUPs directly under VOTABLE, in order */
    public List<Group> groups() {
        return groups;
    }

    /** @return the COOSYS directly under VOTABLE (also in DEFINITIONS), in order */
    public List<CoordinateSystem> coordinateSystems() {
        return coordinateSystems;
    }

    /** @return the TIMESYS directly under VOTABLE, in order */
    public List<TimeSystem> timeSystems() {
        return timeSystems;
    }

    /** @return the top-level RESOURCEs, in order */
    public List<Resource> resources() {
        return resources;
    }

    /** @return every RESOURCE, nested ones included, depth first in document order */
    public List<Resource> allResources() {
        List<Resource> all = new ArrayList<>();
        collect(resources, all);
        return all;
    }

    private static void collect(List<Resource> from, List<Resource> into) {
        for (Resource r : from) {
            into.add(r);
            collect(r.resources(), into);
        }
    }

    /**
     * The DataLink service descriptors: every {@code RESOURCE type="meta"} with
     * {@code utype="adhoc:service"}, at any depth, in document order.
     *
     * @return the descriptors; empty when none
     */
    public List<Resource> serviceDescriptors() {
        List<Resource> out = new ArrayList<>();
        for (Resource r : allResources()) {
            if (r.isMeta() && r.utype().map("adhoc:service"::equals).orElse(false)) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DocumentMetadata)) {
            return false;
        }
        DocumentMetadata d = (DocumentMetadata) o;
        return Objects.equals(version, d.version) && Objects.equals(description, d.description)
                && infos.equals(d.infos) && params.equals(d.params) && groups.equals(d.groups)
                && coordinateSystems.equals(d.coordinateSystems) && timeSystems.equals(d.timeSystems)
                && resources.equals(d.resources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, infos, resources);
    }

    @Override
    public String toString() {
        return "VOTABLE " + (version == null ? "" : version + " ") + "(" + resources.size() + " resources)";
    }

    /** Collects document metadata. Single-threaded. */
    public static final class Builder {
        private String version;
        private String description;
        private final List<Info> infos = new ArrayList<>();
        private final List<Param> params = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();
        private final List<CoordinateSystem> coordinateSystems = new ArrayList<>();
        private final List<TimeSystem> timeSystems = new ArrayList<>();
        private final List<Resource> resources = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the version attribute.
         *
         * @param version the version attribute
         * @return this builder
         */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Sets the DESCRIPTION.
         *
         * @param description the DESCRIPTION
         * @return this builder
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Adds an INFO.
         *
         * @param info an INFO to add
         * @return this builder
         */
        public Builder info(Info info) {
            infos.add(Objects.requireNonNull(info, "info"));
            return this;
        }

        /**
         * Adds a PARAM.
         *
         * @param param a PARAM to add
         * @return this builder
         */
        public Builder param(Param param) {
            params.add(Objects.requireNonNull(param, "param"));
            return this;
        }

        /**
         * Adds a GROUP.
         *
         * @param group a GROUP to add
         * @return this builder
         */
        public Builder group(Group group) {
            groups.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /**
         * Adds a COOSYS.
         *
         * @param coosys a COOSYS to add
         * @return this builder
         */
        public Builder coordinateSystem(CoordinateSystem coosys) {
            coordinateSystems.add(Objects.requireNonNull(coosys, "coosys"));
            return this;
        }

        /**
         * Adds a TIMESYS.
         *
         * @param timesys a TIMESYS to add
         * @return this builder
         */
        public Builder timeSystem(TimeSystem timesys) {
            timeSystems.add(Objects.requireNonNull(timesys, "timesys"));
            return this;
        }

        /**
         * Adds a RESOURCE.
         *
         * @param resource a RESOURCE to add
         * @return this builder
         */
        public Builder resource(Resource resource) {
            resources.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /** @return the document metadata */
        public DocumentMetadata build() {
            return new DocumentMetadata(this);
        }
    }
}
