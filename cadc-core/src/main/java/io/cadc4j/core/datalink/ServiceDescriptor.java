// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Group;
import io.cadc4j.core.table.Param;
import io.cadc4j.core.table.Resource;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.core.table.Values;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A DataLink service descriptor (DataLink 1.1 §4): a {@code RESOURCE type="meta"
 * utype="adhoc:service"} that says how to call a service for a row, such as a SODA cutout
 * service. It holds the access URL, the standard the service implements, the registry identifier
 * of the resource, and the input parameters: fixed ones with a value, ones bound with {@code ref=}
 * to a column of the row, and free ones the caller fills, each with its {@code VALUES} domain.
 *
 * <p>A descriptor read from a document is unbound; {@link #bind} gives the {@code ref=}
 * parameters one row's values. {@link DataLink#service()} is already bound to its row.
 *
 * <p>Example:
 * <pre>{@code
 * ServiceDescriptor soda = link.service().orElseThrow();
 * URI cut = port.cutoutUrl(soda, SodaCutout.builder().pos(Circle.of(131.3, 54.3, 0.05)).build());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ServiceDescriptor {
    /** The {@code utype} of a service descriptor RESOURCE. */
    public static final String UTYPE = "adhoc:service";

    private final String id;
    private final URI accessUrl;
    private final String standardId;
    private final String resourceIdentifier;
    private final String contentType;
    private final String description;
    private final List<InputParam> inputParams;

    private ServiceDescriptor(String id, URI accessUrl, String standardId, String resourceIdentifier,
            String contentType, String description, List<InputParam> inputParams) {
        this.id = id;
        this.accessUrl = accessUrl;
        this.standardId = standardId;
        this.resourceIdentifier = resourceIdentifier;
        this.contentType = contentType;
        this.description = description;
        this.inputParams = List.copyOf(inputParams);
    }

    /**
     * Makes a descriptor.
     *
     * @param id the RESOURCE's ID, or null
     * @param accessUrl the access URL, or null when the descriptor gives none
     * @param standardId the standard id, or null
     * @param resourceIdentifier the registry identifier, or null
     * @param inputParams the input parameters in document order
     * @return the descriptor
     */
    public static ServiceDescriptor of(String id, URI accessUrl, String standardId, String resourceIdentifier,
            List<InputParam> inputParams) {
        return new ServiceDescriptor(blankToNull(id), accessUrl, blankToNull(standardId),
                blankToNull(resourceIdentifier), null, null, Objects.requireNonNull(inputParams, "inputParams"));
    }

    /**
     * Reads a descriptor from its RESOURCE.
     *
     * @param resource a {@code RESOURCE type="meta" utype="adhoc:service"}
     * @return the descriptor
     * @throws IllegalArgumentException if the resource is not a service descriptor, or its
     *     {@code accessURL} is not a URI
     */
    public static ServiceDescriptor from(Resource resource) {
        Objects.requireNonNull(resource, "resource");
        if (!isDescriptor(resource)) {
            throw new IllegalArgumentException("not a service descriptor (RESOURCE type=\"meta\" utype=\""
                    + UTYPE + "\"): " + resource);
        }
        String access = resource.param("accessURL").map(Param::value).map(String::strip).orElse("");
        URI accessUrl;
        try {
            accessUrl = access.isEmpty() ? null : new URI(access);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("service descriptor " + resource.id().orElse("") + ": accessURL '"
                    + access + "' is not a URI", e);
        }
        List<InputParam> inputs = new ArrayList<>();
        for (Group g : resource.groups()) {
            if (g.name().map("inputParams"::equals).orElse(false)) {
                for (Param p : g.params()) {
                    inputs.add(InputParam.from(p));
                }
            }
        }
        return new ServiceDescriptor(resource.id().orElse(null), accessUrl,
                resource.param("standardID").map(Param::value).map(ServiceDescriptor::blankToNull).orElse(null),
                resource.param("resourceIdentifier").map(Param::value).map(ServiceDescriptor::blankToNull).orElse(null),
                resource.param("contentType").map(Param::value).map(ServiceDescriptor::blankToNull).orElse(null),
                resource.description().orElse(null), inputs);
    }

    /**
     * Whether a RESOURCE is a service descriptor: {@code type="meta"} and {@code utype="adhoc:service"}.
     *
     * @param resource the resource
     * @return true if it is one
     */
    public static boolean isDescriptor(Resource resource) {
        return Objects.requireNonNull(resource, "resource").isMeta()
                && resource.utype().map(UTYPE::equalsIgnoreCase).orElse(false);
    }

    /** @return the RESOURCE's ID, which rows name in {@code service_def} */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** @return the access URL; absent when the registry must be asked (by {@link #resourceIdentifier()}) */
    public Optional<URI> accessUrl() {
        return Optional.ofNullable(accessUrl);
    }

    /** @return the standard the service implements, such as {@code ivo://ivoa.net/std/SODA#sync-1.0} */
    public Optional<String> standardId() {
        return Optional.ofNullable(standardId);
    }

    /** @return the registry identifier of the service's resource */
    public Optional<String> resourceIdentifier() {
        return Optional.ofNullable(resourceIdentifier);
    }

    /** @return the media type the service answers with, if the descriptor says (DataLink 1.1) */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** @return the descriptor's description, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the input parameters in document order */
    public List<InputParam> inputParams() {
        return inputParams;
    }

    /**
     * The first input parameter of a name, compared without regard to case.
     *
     * @param name the name
     * @return the parameter, if the descriptor has it
     */
    public Optional<InputParam> inputParam(String name) {
        Objects.requireNonNull(name, "name");
        for (InputParam p : inputParams) {
            if (p.name().equalsIgnoreCase(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether this is a synchronous SODA service the way {@code astroquery.cadc} tells: its access
     * URL's path contains {@code /sync}, or it declares the SODA sync standard.
     *
     * @return true if so
     */
    public boolean isSodaSync() {
        boolean byStandard = standardId != null && standardId.toLowerCase(Locale.ROOT).startsWith("ivo://ivoa.net/std/soda#sync");
        boolean byUrl = accessUrl != null && accessUrl.toString().contains("/sync");
        return byStandard || byUrl;
    }

    /**
     * This descriptor with every {@code ref=} parameter given a value from a row: the value of
     * the column the {@code ref} names (a FIELD's {@code ID}, else its name). A parameter whose
     * column is absent or null keeps no value.
     *
     * @param columnValueByRef the row's value for a ref, if any
     * @return the bound descriptor; this one if it has no {@code ref=} parameter
     */
    public ServiceDescriptor bind(Function<String, Optional<String>> columnValueByRef) {
        Objects.requireNonNull(columnValueByRef, "columnValueByRef");
        boolean any = false;
        List<InputParam> bound = new ArrayList<>(inputParams.size());
        for (InputParam p : inputParams) {
            if (p.ref().isPresent()) {
                any = true;
                bound.add(p.withValue(columnValueByRef.apply(p.ref().get()).map(ServiceDescriptor::blankToNull)
                        .orElse(null)));
            } else {
                bound.add(p);
            }
        }
        return any ? new ServiceDescriptor(id, accessUrl, standardId, resourceIdentifier, contentType, description, bound)
                : this;
    }

    /**
     * This descriptor bound to one row of a table (see {@link #bind(Function)}).
     *
     * @param table the table's metadata, whose FIELD IDs and names the refs name
     * @param row the row
     * @return the bound descriptor
     */
    public ServiceDescriptor bind(TableMetadata table, Row row) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(row, "row");
        return bind(ref -> {
            int column = columnOf(table, ref);
            if (column < 0 || row.isNull(column)) {
                return Optional.empty();
            }
            return Optional.ofNullable(row.getString(column));
        });
    }

    /**
     * The index of the column a {@code ref} names: the FIELD whose {@code ID} it is, else the
     * FIELD whose name it is.
     *
     * @param table the table
     * @param ref the ref
     * @return the index, or -1
     */
    public static int columnOf(TableMetadata table, String ref) {
        List<Field> fields = table.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).id().map(ref::equals).orElse(false)) {
                return i;
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(ref)) {
                return i;
            }
        }
        return -1;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ServiceDescriptor)) {
            return false;
        }
        ServiceDescriptor d = (ServiceDescriptor) o;
        return Objects.equals(id, d.id) && Objects.equals(accessUrl, d.accessUrl)
                && Objects.equals(standardId, d.standardId) && Objects.equals(resourceIdentifier, d.resourceIdentifier)
                && Objects.equals(contentType, d.contentType) && inputParams.equals(d.inputParams);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, accessUrl, standardId, inputParams);
    }

    @Override
    public String toString() {
        return "ServiceDescriptor[" + (id != null ? id + " " : "") + standardId + " at " + accessUrl + ", "
                + inputParams.size() + " input params]";
    }

    /**
     * One input parameter of a descriptor: a fixed {@link #value()}, or a {@link #ref()} to a
     * column, or neither (the caller may supply it), with its domain ({@link #min()},
     * {@link #max()}, {@link #options()}).
     *
     * <p>Immutable and thread-safe.
     */
    public static final class InputParam {
        private final String name;
        private final String value;
        private final String ref;
        private final String datatype;
        private final String arraysize;
        private final String xtype;
        private final String unit;
        private final String ucd;
        private final String min;
        private final String max;
        private final List<String> options;

        private InputParam(String name, String value, String ref, String datatype, String arraysize, String xtype,
                String unit, String ucd, String min, String max, List<String> options) {
            this.name = name;
            this.value = value;
            this.ref = ref;
            this.datatype = datatype;
            this.arraysize = arraysize;
            this.xtype = xtype;
            this.unit = unit;
            this.ucd = ucd;
            this.min = min;
            this.max = max;
            this.options = List.copyOf(options);
        }

        /**
         * Makes a parameter.
         *
         * @param name the name
         * @param value the fixed value, or null (an empty value counts as none)
         * @param ref the column it is bound to, or null
         * @param xtype the xtype, or null
         * @param min the VALUES MIN, or null
         * @param max the VALUES MAX, or null
         * @param options the VALUES OPTION values; empty when none
         * @return the parameter
         */
        public static InputParam of(String name, String value, String ref, String xtype, String min, String max,
                List<String> options) {
            return new InputParam(Objects.requireNonNull(name, "name"), blankToNull(value), blankToNull(ref), null,
                    null, blankToNull(xtype), null, null, blankToNull(min), blankToNull(max),
                    Objects.requireNonNull(options, "options"));
        }

        /**
         * Reads a parameter from its PARAM: {@code ref} is the PARAM's own {@code ref}, else its
         * VALUES' {@code ref}.
         *
         * @param param the PARAM in the {@code inputParams} GROUP
         * @return the parameter
         */
        public static InputParam from(Param param) {
            Objects.requireNonNull(param, "param");
            Field f = param.field();
            Values v = f.values();
            List<String> options = new ArrayList<>();
            for (Values.Option o : v.options()) {
                options.add(o.value());
            }
            String ref = f.ref().orElse(v.ref().orElse(null));
            return new InputParam(f.name(), blankToNull(param.value()), blankToNull(ref), f.datatype(),
                    f.arraysize().orElse(null), f.xtype().map(InputParam::blank).orElse(null), f.unit().orElse(null),
                    f.ucd().orElse(null), v.min().map(InputParam::blank).orElse(null),
                    v.max().map(InputParam::blank).orElse(null), options);
        }

        private static String blank(String s) {
            return blankToNull(s);
        }

        InputParam withValue(String newValue) {
            return new InputParam(name, newValue, ref, datatype, arraysize, xtype, unit, ucd, min, max, options);
        }

        /** @return the name */
        public String name() {
            return name;
        }

        /** @return the fixed (or bound) value; absent for a parameter the caller fills */
        public Optional<String> value() {
            return Optional.ofNullable(value);
        }

        /** @return the column (FIELD ID or name) this parameter takes its value from, if bound */
        public Optional<String> ref() {
            return Optional.ofNullable(ref);
        }

        /** @return the VOTable datatype, if given */
        public Optional<String> datatype() {
            return Optional.ofNullable(datatype);
        }

        /** @return the arraysize, if given */
        public Optional<String> arraysize() {
            return Optional.ofNullable(arraysize);
        }

        /** @return the xtype ({@code interval}, {@code circle}, {@code polygon}, ...), if given */
        public Optional<String> xtype() {
            return Optional.ofNullable(xtype);
        }

        /** @return the unit, if given */
        public Optional<String> unit() {
            return Optional.ofNullable(unit);
        }

        /** @return the UCD, if given */
        public Optional<String> ucd() {
            return Optional.ofNullable(ucd);
        }

        /** @return the VALUES MIN text, if given */
        public Optional<String> min() {
            return Optional.ofNullable(min);
        }

        /** @return the VALUES MAX text, if given */
        public Optional<String> max() {
            return Optional.ofNullable(max);
        }

        /** @return the VALUES OPTION values; empty when none */
        public List<String> options() {
            return Collections.unmodifiableList(options);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof InputParam)) {
                return false;
            }
            InputParam p = (InputParam) o;
            return name.equals(p.name) && Objects.equals(value, p.value) && Objects.equals(ref, p.ref)
                    && Objects.equals(xtype, p.xtype) && Objects.equals(min, p.min) && Objects.equals(max, p.max)
                    && options.equals(p.options);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, value, ref);
        }

        @Override
        public String toString() {
            return name + (value != null ? "=" + value : "") + (ref != null ? " ref=" + ref : "");
        }
    }
}
