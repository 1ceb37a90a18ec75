// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A VOTable {@code GROUP}: PARAMs, references to PARAMs and FIELDs by ID ({@code PARAMref},
 * {@code FIELDref}) and nested groups. DataLink service descriptors use
 * {@code GROUP name="inputParams"}.
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class Group {
    private final String name;
    private final String id;
    private final String ref;
    private final String ucd;
    private final String utype;
    private final String description;
    private final List<Param> params;
    private final List<String> paramRefs;
    private final List<String> fieldRefs;
    private final List<Group> groups;

    private Group(Builder b) {
        this.name = b.name;
        this.id = b.id;
        this.ref = b.ref;
        this.ucd = b.ucd;
        this.utype = b.utype;
        this.description = b.description;
        this.params = List.copyOf(b.params);
        this.paramRefs = List.copyOf(b.paramRefs);
        this.fieldRefs = List.copyOf(b.fieldRefs);
        this.groups = List.copyOf(b.groups);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the name, if any */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the {@code ID}, if any */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the {@code ref}, if any */
    public Optional<String> ref() {
        return Optional.ofNullable(ref);
    }

    /** @return the UCD, if any */
    public Optional<String> ucd() {
        return Optional.ofNullable(ucd);
    }

    /** @return the utype, if any */
    public Optional<String> utype() {
        return Optional.ofNullable(utype);
    }

    /** @return the DESCRIPTION, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the PARAMs inside the group, in order */
    public List<Param> params() {
        return params;
    }

    /** @return the {@code ref} of each PARAMref, in order */
    public List<String> paramRefs() {
        return paramRefs;
    }

    /** @return the {@code ref} of each FIELDref, in order */
    public List<String> fieldRefs() {
        return fieldRefs;
    }

    /** @return nested groups, in order */
    public List<Group> groups() {
        return groups;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Group)) {
            return false;
        }
        Group g = (Group) o;
        return Objects.equals(name, g.name) && Objects.equals(id, g.id) && Objects.equals(ref, g.ref)
                && Objects.equals(ucd, g.ucd) && Objects.equals(utype, g.utype)
                && Objects.equals(description, g.description) && params.equals(g.params)
                && paramRefs.equals(g.paramRefs) && fieldRefs.equals(g.fieldRefs) && groups.equals(g.groups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, id, params, fieldRefs);
    }

    @Override
    public String toString() {
        return "GROUP " + (name == null ? "" : name) + " (" + params.size() + " params)";
    }

    /** Collects a group. Single-threaded. */
    public static final class Builder {
        private String name;
        private String id;
        private String ref;
        private String ucd;
        private String utype;
        private String description;
        private final List<Param> params = new ArrayList<>();
        private final List<String> paramRefs = new ArrayList<>();
        private final List<String> fieldRefs = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();

        private Builder() {
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
         * Sets the ref.
         *
         * @param ref the ref
         * @return this builder
         */
        public Builder ref(String ref) {
            this.ref = Objects.requireNonNull(ref, "ref");
            return this;
        }

        /**
         * Sets the UCD.
         *
         * @param ucd the UCD
         * @return this builder
         */
        public Builder ucd(String ucd) {
            this.ucd = Objects.requireNonNull(ucd, "ucd");
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
         * Adds a PARAMref with this ref.
         *
         * @param ref the ref of a PARAMref to add
         * @return this builder
         */
        public Builder paramRef(String ref) {
            paramRefs.add(Objects.requireNonNull(ref, "ref"));
            return this;
        }

        /**
         * Adds a FIELDref with this ref.
         *
         * @param ref the ref of a FIELDref to add
         * @return this builder
         */
        public Builder fieldRef(String ref) {
            fieldRefs.add(Objects.requireNonNull(ref, "ref"));
            return this;
        }

        /**
         * Adds a nested group.
         *
         * @param group a nested group to add
         * @return this builder
         */
        public Builder group(Group group) {
            groups.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /** @return the group */
        public Group build() {
            return new Group(this);
        }
    }
}
