// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.table;

import java.util.Arrays;
import java.util.Objects;

/**
 * A parsed VOTable {@code arraysize} (VOTable 1.4 section 2.2): scalar, fixed {@code n}, variable
 * {@code *}, bounded {@code n*}, or multi-dimensional {@code 2x3x*} where the first index varies
 * fastest and only the last dimension may be variable.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArraySize {
    /** No {@code arraysize}: one element. */
    public static final ArraySize SCALAR = new ArraySize(new int[0], false, -1, "");

    private final int[] dims;
    private final boolean variable;
    private final int bound;
    private final String text;

    private ArraySize(int[] dims, boolean variable, int bound, String text) {
        this.dims = dims;
        this.variable = variable;
        this.bound = bound;
        this.text = text;
    }

    /**
     * Parses an {@code arraysize} attribute.
     *
     * @param arraysize the attribute, e.g. {@code 2x*}; empty means scalar
     * @return the array size
     * @throws IllegalArgumentException if the text is not a valid arraysize
     */
    public static ArraySize parse(String arraysize) {
        Objects.requireNonNull(arraysize, "arraysize");
        String s = arraysize.strip();
        if (s.isEmpty()) {
            return SCALAR;
        }
        String[] parts = s.split("x", -1);
        int[] dims = new int[parts.length];
        boolean variable = false;
        int bound = -1;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            boolean last = i == parts.length - 1;
            if (p.endsWith("*")) {
                if (!last) {
                    throw new IllegalArgumentException("only the last dimension may be variable: '" + arraysize + "'");
                }
                variable = true;
                String n = p.substring(0, p.length() - 1);
                dims[i] = -1;
                if (!n.isEmpty()) {
                    bound = parsePositive(n, arraysize);
                }
            } else {
                dims[i] = parsePositive(p, arraysize);
            }
        }
        return new ArraySize(dims, variable, bound, s);
    }

    private static int parsePositive(String n, String whole) {
        try {
            int v = Integer.parseInt(n);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a valid arraysize: '" + whole + "'", e);
        }
    }

    /** @return true when there is no arraysize (one element) */
    public boolean isScalar() {
        return dims.length == 0;
    }

    /** @return true when the last dimension is variable ({@code *} or {@code n*}) */
    public boolean isVariable() {
        return variable;
    }

    /** @return the number of dimensions; 0 for a scalar */
    public int dimensionCount() {
        return dims.length;
    }

    /**
     * The length of one dimension.
     *
     * @param i the 0-based dimension (0 varies fastest)
     * @return the length, or -1 for a variable last dimension
     */
    public int dimension(int i) {
        return dims[i];
    }

    /**
     * The upper bound of a bounded variable dimension ({@code n*}).
     *
     * @return the bound, or -1 when unbounded or not variable
     */
    public int bound() {
        return bound;
    }

    /**
     * The number of elements in one slice of the last dimension: the product of all dimensions
     * but the last when variable; the product of all of them when fixed; 1 for a scalar.
     *
     * @return the elements per item that a BINARY length prefix counts (for a variable array), or
     *     the total count (for a fixed one)
     */
    public long itemElements() {
        long n = 1;
        int limit = variable ? dims.length - 1 : dims.length;
        for (int i = 0; i < limit; i++) {
            n *= dims[i];
        }
        return n;
    }

    /** @return the arraysize as written, empty for a scalar */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArraySize && Arrays.equals(((ArraySize) o).dims, dims) && ((ArraySize) o).bound == bound
                && ((ArraySize) o).variable == variable;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims) * 31 + bound;
    }

    @Override
    public String toString() {
        return isScalar() ? "scalar" : text;
    }
}
