// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.sky;

/**
 * A region of the sky to cut out with the SODA {@code POS} parameter: a {@link Circle}, a
 * {@link Range} or a {@link Polygon}, in ICRS degrees. Only those three exist (SODA 1.0 §3.3.2);
 * the constructor is not open to other subclasses.
 *
 * <p>Immutable and thread-safe.
 */
public abstract class Shape {
    Shape() {
    }

    /**
     * The value of the SODA {@code POS} parameter for this shape, e.g. {@code CIRCLE 10.5 -3.25 0.1}.
     *
     * @return the POS value
     */
    public abstract String posValue();

    /**
     * The numbers of this shape, space-separated as plain decimals, without the shape keyword:
     * the value of the {@code CIRCLE} or {@code POLYGON} parameter, e.g. {@code 10.5 -3.25 0.1}.
     *
     * @return the numbers
     */
    public abstract String sodaValue();
}
