// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import io.cadc4j.core.sky.Circle;
import io.cadc4j.core.sky.Polygon;
import io.cadc4j.core.sky.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The cut a caller asks of a SODA service: at most one spatial cut ({@code POS}, {@code CIRCLE}
 * or {@code POLYGON}), a {@code BAND}, a {@code TIME} and any {@code POL} states. A sync SODA
 * call takes one cut of each kind (SODA 1.0 §3.3; CADC answers 400 to more), so the builder
 * refuses a second spatial cut.
 *
 * <p>Example:
 * <pre>{@code
 * SodaCutout cut = SodaCutout.builder().pos(Circle.of(210.8, 54.3, 0.05)).band(Band.wavelength(5.8e-7, 7.8e-7)).build();
 * cut.parameters(); // {POS=[CIRCLE 210.8 54.3 0.05], BAND=[0.00000058 0.00000078]}
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link Builder} is single-threaded.
 */
public final class SodaCutout {
    private final Shape pos;
    private final Circle circle;
    private final Polygon polygon;
    private final Band band;
    private final TimeInterval time;
    private final Set<Polarization> pol;

    private SodaCutout(Builder b) {
        this.pos = b.pos;
        this.circle = b.circle;
        this.polygon = b.polygon;
        this.band = b.band;
        this.time = b.time;
        this.pol = Collections.unmodifiableSet(EnumSet.copyOf(b.pol));
    }

    /**
     * Starts a builder with no cut.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this cut, to change a copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.pos = pos;
        b.circle = circle;
        b.polygon = polygon;
        b.band = band;
        b.time = time;
        b.pol.addAll(pol);
        return b;
    }

    /** @return the {@code POS} shape, if set */
    public Optional<Shape> pos() {
        return Optional.ofNullable(pos);
    }

    /** @return the {@code CIRCLE} value, if set */
    public Optional<Circle> circle() {
        return Optional.ofNullable(circle);
    }

    /** @return the {@code POLYGON} value, if set */
    public Optional<Polygon> polygon() {
        return Optional.ofNullable(polygon);
    }

    /** @return the {@code BAND} value, if set */
    public Optional<Band> band() {
        return Optional.ofNullable(band);
    }

    /** @return the {@code TIME} value, if set */
    public Optional<TimeInterval> time() {
        return Optional.ofNullable(time);
    }

    /** @return the {@code POL} states, in the standard's order; empty when none */
    public Set<Polarization> pol() {
        return pol;
    }

    /**
     * The SODA parameters of this cut, each name with its values in the order
     * {@code POS}, {@code CIRCLE}, {@code POLYGON}, {@code BAND}, {@code TIME}, {@code POL};
     * {@code POL} is repeated once per state. Numbers are plain decimals that read back as the
     * same doubles.
     *
     * @return an unmodifiable map, empty when no cut is set
     */
    public Map<String, List<String>> parameters() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (pos != null) {
            m.put("POS", List.of(pos.posValue()));
        }
        if (circle != null) {
            m.put("CIRCLE", List.of(circle.sodaValue()));
        }
        if (polygon != null) {
            m.put("POLYGON", List.of(polygon.sodaValue()));
        }
        if (band != null) {
            m.put("BAND", List.of(band.sodaValue()));
        }
        if (time != null) {
            m.put("TIME", List.of(time.sodaValue()));
        }
        if (!pol.isEmpty()) {
            List<String> states = new ArrayList<>();
            pol.forEach(p -> states.add(p.name()));
            m.put("POL", List.copyOf(states));
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SodaCutout)) {
            return false;
        }
        SodaCutout c = (SodaCutout) o;
        return Objects.equals(pos, c.pos) && Objects.equals(circle, c.circle) && Objects.equals(polygon, c.polygon)
                && Objects.equals(band, c.band) && Objects.equals(time, c.time) && pol.equals(c.pol);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pos, circle, polygon, band, time, pol);
    }

    @Override
    public String toString() {
        return "SodaCutout" + parameters();
    }

    /**
     * Collects a cut. Single-threaded; build once.
     */
    public static final class Builder {
        private Shape pos;
        private Circle circle;
        private Polygon polygon;
        private Band band;
        private TimeInterval time;
        private final Set<Polarization> pol = EnumSet.noneOf(Polarization.class);

        private Builder() {
        }

        /**
         * Sets the {@code POS} cut.
         *
         * @param shape a circle, range or polygon
         * @return this builder
         */
        public Builder pos(Shape shape) {
            this.pos = Objects.requireNonNull(shape, "shape");
            return this;
        }

        /**
         * Sets the {@code CIRCLE} cut.
         *
         * @param circle the circle
         * @return this builder
         */
        public Builder circle(Circle circle) {
            this.circle = Objects.requireNonNull(circle, "circle");
            return this;
        }

        /**
         * Sets the {@code POLYGON} cut.
         *
         * @param polygon the polygon
         * @return this builder
         */
        public Builder polygon(Polygon polygon) {
            this.polygon = Objects.requireNonNull(polygon, "polygon");
            return this;
        }

        /**
         * Sets the {@code BAND} cut.
         *
         * @param band the wavelength interval
         * @return this builder
         */
        public Builder band(Band band) {
            this.band = Objects.requireNonNull(band, "band");
            return this;
        }

        /**
         * Sets the {@code TIME} cut.
         *
         * @param time the time interval
         * @return this builder
         */
        public Builder time(TimeInterval time) {
            this.time = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * Adds {@code POL} states.
         *
         * @param states the states to keep
         * @return this builder
         */
        public Builder pol(Polarization... states) {
            for (Polarization p : Objects.requireNonNull(states, "states")) {
                pol.add(Objects.requireNonNull(p, "state"));
            }
            return this;
        }

        /**
         * Makes the cut.
         *
         * @return the cut
         * @throws IllegalStateException if more than one of {@code POS}, {@code CIRCLE} and
         *     {@code POLYGON} is set
         */
        public SodaCutout build() {
            int spatial = (pos != null ? 1 : 0) + (circle != null ? 1 : 0) + (polygon != null ? 1 : 0);
            if (spatial > 1) {
                throw new IllegalStateException("a SODA cutout takes one spatial cut, but " + spatial
                        + " of POS, CIRCLE and POLYGON are set");
            }
            return new SodaCutout(this);
        }
    }
}
