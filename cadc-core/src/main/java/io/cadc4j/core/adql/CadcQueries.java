// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.adql;

import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.sky.Coordinates;
import java.util.Locale;
import java.util.Objects;

/**
 * The ADQL that astroquery's {@code Cadc} writes for its convenience methods, as pure text: no
 * network. The facade sends these; tests and dry runs read them.
 *
 * <p>Static methods only; thread-safe.
 */
public final class CadcQueries {
    /** {@code get_collections}: every collection with each of its energy bands. */
    public static final String COLLECTIONS = "select distinct collection, energy_emBand from caom2.EnumField";

    private CadcQueries() {
    }

    /**
     * The query of {@code get_collections}.
     *
     * @return {@value #COLLECTIONS}
     */
    public static String collections() {
        return COLLECTIONS;
    }

    /**
     * The query of {@code query_name}: observations whose target name contains {@code name},
     * ignoring case.
     *
     * <p>The text is {@code select * from caom2.Observation o join caom2.Plane p on o.obsID=p.obsID
     * where lower(target_name) like '%<name>%'} with the name lower-cased ({@link Locale#ROOT}) and
     * quoted ({@code '} doubled, which astroquery omits). {@code %} and {@code _} in the name keep
     * their LIKE meaning (any run of characters, any one character), as in astroquery, so
     * {@code NGC_1275} also matches {@code ngc 1275}; ADQL has no portable escape for them.
     *
     * @param name part of a target name, for example {@code Nr3491_1}
     * @return the query
     * @throws IllegalArgumentException if the name is blank (it would match everything) or holds a
     *     control character
     */
    public static String targetName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("target name is blank: it would match every observation");
        }
        return "select * from caom2.Observation o join caom2.Plane p on o.obsID=p.obsID where lower(target_name) like "
                + Adql.quote("%" + name.toLowerCase(Locale.ROOT) + "%");
    }

    /**
     * The query of {@code query_region} with the default radius of one minute of arc.
     *
     * @param center the centre
     * @return the query
     */
    public static String region(Coordinates center) {
        return RegionQuery.builder(center).build().adql();
    }

    /**
     * The query of {@code query_region}.
     *
     * @param center the centre
     * @param radius the radius, not negative
     * @return the query
     * @throws IllegalArgumentException if the radius is negative
     */
    public static String region(Coordinates center, Angle radius) {
        return RegionQuery.builder(center).radius(radius).build().adql();
    }

    /**
     * The query of {@code query_region} in one collection.
     *
     * @param center the centre
     * @param radius the radius, not negative
     * @param collection the collection, for example {@code CFHT}
     * @return the query
     * @throws IllegalArgumentException if the radius is negative or the collection blank
     */
    public static String region(Coordinates center, Angle radius, String collection) {
        return RegionQuery.builder(center).radius(radius).collection(collection).build().adql();
    }
}
