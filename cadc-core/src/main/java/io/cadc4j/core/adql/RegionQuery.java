// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.adql;

import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.Fk5J2000;
import java.util.Objects;
import java.util.Optional;

/**
 * The cone search astroquery's {@code query_region} (and {@code get_images}) sends: observations
 * whose planes intersect a circle, minus junk quality, optionally in one collection and of image
 * product type.
 *
 * <pre>{@code
 * String adql = RegionQuery.builder(Coordinates.parse("08h45m07.5s +54d18m00s"))
 *         .radius(Angle.parse("0.01 deg"))
 *         .collection("CFHT")
 *         .build()
 *         .adql();
 * }</pre>
 *
 * <p>The text is astroquery's character for character: {@code SELECT * from caom2.Observation o
 * join caom2.Plane p ON o.obsID=p.obsID WHERE INTERSECTS( CIRCLE('ICRS', ra, dec, r),
 * position_bounds) = 1 AND (quality_flag IS NULL OR quality_flag != 'junk')}, then
 * {@code  AND collection='C'}, then {@code  AND dataProductType='image'}. As in astroquery the
 * centre is the FK5 J2000 equivalent of the ICRS position although the circle says ICRS, and the
 * radius is in degrees; unlike astroquery the collection is quoted ({@link Adql#quote(String)}).
 *
 * <p>Immutable and thread-safe; the builder is single-threaded.
 */
public final class RegionQuery {
    /** astroquery's default radius, one minute of arc. */
    public static final Angle DEFAULT_RADIUS = Angle.ofArcminutes(1);

    private final Fk5J2000 center;
    private final Angle radius;
    private final String collection;
    private final boolean imagesOnly;

    private RegionQuery(Builder builder) {
        this.center = builder.center;
        this.radius = builder.radius;
        this.collection = builder.collection;
        this.imagesOnly = builder.imagesOnly;
    }

    /**
     * Starts a query around an ICRS position (converted to FK5 J2000, as astroquery does).
     *
     * @param center the centre
     * @return a builder with the default radius, no collection, all product types
     */
    public static Builder builder(Coordinates center) {
        Objects.requireNonNull(center, "center");
        return new Builder(center.toFk5J2000());
    }

    /**
     * Starts a query around FK5 J2000 numbers given as they are.
     *
     * @param center the centre
     * @return a builder with the default radius, no collection, all product types
     */
    public static Builder builder(Fk5J2000 center) {
        return new Builder(Objects.requireNonNull(center, "center"));
    }

    /**
     * The ADQL text.
     *
     * @return the query
     */
    public String adql() {
        StringBuilder query = new StringBuilder(320)
                .append("SELECT * from caom2.Observation o join caom2.Plane p ON o.obsID=p.obsID WHERE INTERSECTS( ")
                .append("CIRCLE('ICRS', ").append(Adql.number(center.ra())).append(", ")
                .append(Adql.number(center.dec())).append(", ").append(Adql.number(radius.degrees()))
                .append("), position_bounds) = 1 AND (quality_flag IS NULL OR quality_flag != 'junk')");
        if (collection != null) {
            query.append(" AND collection=").append(Adql.quote(collection));
        }
        if (imagesOnly) {
            query.append(" AND dataProductType='image'");
        }
        return query.toString();
    }

    /**
     * The SODA {@code POS} value for a cutout of the same circle, as astroquery's
     * {@code get_image_list} writes it: {@code CIRCLE ra dec r} with the FK5 J2000 numbers and the
     * radius in degrees.
     *
     * @return the POS value
     */
    public String sodaPos() {
        return "CIRCLE " + Adql.number(center.ra()) + " " + Adql.number(center.dec()) + " "
                + Adql.number(radius.degrees());
    }

    /**
     * The centre, in FK5 J2000.
     *
     * @return the centre
     */
    public Fk5J2000 center() {
        return center;
    }

    /**
     * The radius.
     *
     * @return the radius, never negative
     */
    public Angle radius() {
        return radius;
    }

    /**
     * The collection the query is restricted to.
     *
     * @return the collection, or empty for all
     */
    public Optional<String> collection() {
        return Optional.ofNullable(collection);
    }

    /**
     * Whether only planes of product type {@code image} are asked for ({@code get_images}).
     *
     * @return true for images only
     */
    public boolean imagesOnly() {
        return imagesOnly;
    }

    /**
     * A builder holding this query's settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder(center).radius(radius).imagesOnly(imagesOnly);
        builder.collection = collection;
        return builder;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RegionQuery)) {
            return false;
        }
        RegionQuery other = (RegionQuery) o;
        return center.equals(other.center) && radius.equals(other.radius)
                && Objects.equals(collection, other.collection) && imagesOnly == other.imagesOnly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(center, radius, collection, imagesOnly);
    }

    @Override
    public String toString() {
        return "RegionQuery[" + center + ", r=" + radius + (collection == null ? "" : ", collection=" + collection)
                + (imagesOnly ? ", images" : "") + "]";
    }

    /**
     * Builds a {@link RegionQuery}. Single-threaded.
     */
    public static final class Builder {
        private final Fk5J2000 center;
        private Angle radius = DEFAULT_RADIUS;
        private String collection;
        private boolean imagesOnly;

        private Builder(Fk5J2000 center) {
            this.center = center;
        }

        /**
         * Sets the radius (default {@link #DEFAULT_RADIUS}).
         *
         * @param radius the radius, not negative
         * @return this builder
         * @throws IllegalArgumentException if the radius is negative
         */
        public Builder radius(Angle radius) {
            this.radius = Objects.requireNonNull(radius, "radius").requireRadius();
            return this;
        }

        /**
         * Restricts the query to one collection, such as {@code CFHT}.
         *
         * @param collection the collection name
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or holds a control character
         */
        public Builder collection(String collection) {
            Objects.requireNonNull(collection, "collection");
            if (collection.isBlank()) {
                throw new IllegalArgumentException("collection is blank");
            }
            Adql.quote(collection);
            this.collection = collection;
            return this;
        }

        /**
         * Asks for planes of product type {@code image} only, as {@code get_images} does.
         *
         * @param imagesOnly true for images only (default false)
         * @return this builder
         */
        public Builder imagesOnly(boolean imagesOnly) {
            this.imagesOnly = imagesOnly;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         */
        public RegionQuery build() {
            return new RegionQuery(this);
        }
    }
}
