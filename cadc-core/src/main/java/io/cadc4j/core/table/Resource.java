// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A VOTable {@code RESOURCE}: a results resource holding tables, or a {@code type="meta"}
 * resource such as a DataLink service descriptor ({@code utype="adhoc:service"}), with its INFOs,
 * PARAMs, GROUPs, COOSYS, TIMESYS, LINKs, tables (metadata only) and nested resources.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class Resource {
    private final String id;
    private final String name;
    private final String type;
    private final String utype;
    private final String description;
    private final List<Info> infos;
    private final List<Param> params;
    private final List<Group> groups;
    private final List<CoordinateSystem> coordinateSystems;
    private final List<TimeSystem> timeSystems;
    private final List<Link> links;
    private final List<TableMetadata> tables;
    private final List<Resource> resources;

    private Resource(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.type = b.type;
        this.utype = b.utype;
        this.description = b.description;
        this.infos = List.copyOf(b.infos);
        this.params = List.copyOf(b.params);
        this.groups = List.copyOf(b.groups);
        this.coordinateSystems = List.copyOf(b.coordinateSystems);
        this.timeSystems = List.copyOf(b.timeSystems);
        this.links = List.copyOf(b.links);
        this.tables = List.copyOf(b.tables);
        this.resources = List.copyOf(b.resources);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the {@code ID}, if any */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the name, if any */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the {@code type}: {@code results} (the default) or {@code meta} */
    public String type() {
        return type;
    }

    /** @return true for {@code type="meta"} */
    public boolean isMeta() {
        return "meta".equals(type);
    }

    /** @return the utype, e.g. {@code adhoc:service}, if any */
    public Optional<String> utype() {
        return Optional.ofNullable(utype);
    }

    /** @return the DESCRIPTION, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the INFOs, in document order */
    public List<Info> infos() {
        return infos;
    }

    /** @return the PARAMs, in order */
    public List<Param> params() {
        return params;
    }

    /** @return the GROUPs, in order */
    public List<Group> groups() {
        return groups;
    }

    /** @return the COOSYS elements, in order */
    public List<CoordinateSystem> coordinateSystems() {
        return coordinateSystems;
    }

    /** @return the TIMESYS elements, in order */
    public List<TimeSystem> timeSystems() {
        return timeSystems;
    }

    /** @return the LINKs, in order */
    public List<Link> links() {
        return links;
    }

    /** @return the tables (their metadata), in order */
    public List<TableMetadata> tables() {
        return tables;
    }

    /** @return nested resources, in order */
    public List<Resource> resources() {
        return resources;
    }

    /**
     * The first PARAM with this name.
     *
     * @param name the PARAM name
     * @return the param, or empty
     */
    public Optional<Param> param(String name) {
        Objects.requireNonNull(name, "name");
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Resource)) {
            return false;
        }
        Resource r = (Resource) o;
        return Objects.equals(id, r.id) && Objects.equals(name, r.name) && type.equals(r.type)
                && Objects.equals(utype, r.utype) && Objects.equals(description, r.description)
                && infos.equals(r.infos) && params.equals(r.params) && groups.equals(r.groups)
                && coordinateSystems.equals(r.coordinateSystems) && timeSystems.equals(r.timeSystems)
                && links.equals(r.links) && tables.equals(r.tables) && resources.equals(r.resources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, type, utype, params);
    }

    @Override
    public String toString() {
        return "RESOURCE type=" + type + (utype == null ? "" : " utype=" + utype) + (id == null ? "" : " ID=" + id);
    }

    /** Collects a resource. Single-threaded. */
    public static final class Builder {
        private String id;
        private String name;
        private String type = "results";
        private String utype;
        private String description;
        private final List<Info> infos = new ArrayList<>();
        private final List<Param> params = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();
        private final List<CoordinateSystem> coordinateSystems = new ArrayList<>();
        private final List<TimeSystem> timeSystems = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final List<TableMetadata> tables = new ArrayList<>();
        private final List<Resource> resources = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the ID.
         *
         * @param id the ID
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets the name.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the type ({@code results} when never set).
         *
         * @param type the type ({@code results} when never set)
         * @return this builder
         */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets the utype.
         *
         * @param utype the utype
         * @return this builder
         */
        public Builder utype(String utype) {
            this.utype = Objects.requireNonNull(utype, "utype");
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
         * Adds a LINK.
         *
         * @param link a LINK to add
         * @return this builder
         */
        public Builder link(Link link) {
            links.add(Objects.requireNonNull(link, "link"));
            return this;
        }

        /**
         * Adds a table.
         *
         * @param table a table to add
         * @return this builder
         */
        public Builder table(TableMetadata table) {
            tables.add(Objects.requireNonNull(table, "table"));
            return this;
        }

        /**
         * Adds a nested resource.
         *
         * @param resource a nested resource to add
         * @return this builder
         */
        public Builder resource(Resource resource) {
            resources.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /** @return the resource */
        public Resource build() {
            return new Resource(this);
        }
    }
}
