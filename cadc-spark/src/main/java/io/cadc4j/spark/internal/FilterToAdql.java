// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringStartsWith;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Translates Spark's simple filters into ADQL conditions for a {@code table} read. A filter is
 * pushed only when the service gives the rows Spark would keep:
 *
 * <ul>
 *   <li>integer, text and timestamp columns: comparisons, {@code IN}, {@code IS [NOT] NULL},
 *       {@code AND}/{@code OR}/{@code NOT}, and a text prefix ({@code LIKE 'abc%'}, when the
 *       prefix holds no {@code %} or {@code _}: ADQL's LIKE has no escape). Text is compared for
 *       equality only: a service's collation may order text otherwise than Spark does. These are
 *       exact: Spark does not check them again.</li>
 *   <li>double columns: comparisons, {@code IN} and {@code IS NOT NULL}, joined with
 *       {@code AND}/{@code OR}, never under {@code NOT} or as {@code IS NULL} (a NaN is null to
 *       Spark, a number to the service). The service returns at least the rows Spark keeps, and
 *       Spark checks them again.</li>
 *   <li>anything else (float columns, whose decimal literals the service reads in double
 *       precision; booleans; arrays; other filters) stays in Spark.</li>
 * </ul>
 */
final class FilterToAdql {
    private final StructType schema;

    /** What a filter became. */
    static final class Pushed {
        final String adql;
        final boolean exact;

        Pushed(String adql, boolean exact) {
            this.adql = adql;
            this.exact = exact;
        }
    }

    FilterToAdql(StructType schema) {
        this.schema = schema;
    }

    /**
     * Translates one filter.
     *
     * @param f the filter
     * @return the ADQL condition and whether it is exact, or empty when it stays in Spark
     */
    Optional<Pushed> translate(Filter f) {
        return Optional.ofNullable(visit(f, false));
    }

    private Pushed visit(Filter f, boolean negated) {
        if (f instanceof And) {
            Pushed l = visit(((And) f).left(), negated);
            Pushed r = visit(((And) f).right(), negated);
            return l == null || r == null ? null : new Pushed("(" + l.adql + " AND " + r.adql + ")", l.exact && r.exact);
        }
        if (f instanceof Or) {
            Pushed l = visit(((Or) f).left(), negated);
            Pushed r = visit(((Or) f).right(), negated);
            return l == null || r == null ? null : new Pushed("(" + l.adql + " OR " + r.adql + ")", l.exact && r.exact);
        }
        if (f instanceof Not) {
            Pushed c = visit(((Not) f).child(), !negated);
            return c == null || !c.exact ? null : new Pushed("NOT (" + c.adql + ")", true);
        }
        if (f instanceof IsNull) {
            Kind k = kind(((IsNull) f).attribute());
            return k == null || k == Kind.DOUBLE ? null : leaf(((IsNull) f).attribute(), " IS NULL", k);
        }
        if (f instanceof IsNotNull) {
            Kind k = kind(((IsNotNull) f).attribute());
            return k == null || k == Kind.DOUBLE && negated ? null : leaf(((IsNotNull) f).attribute(), " IS NOT NULL", k);
        }
        if (f instanceof EqualTo) {
            return compare(((EqualTo) f).attribute(), "=", ((EqualTo) f).value(), negated);
        }
        if (f instanceof EqualNullSafe) {
            EqualNullSafe e = (EqualNullSafe) f;
            if (e.value() == null) {
                return visit(new IsNull(e.attribute()), negated);
            }
            return negated ? null : compare(e.attribute(), "=", e.value(), false);
        }
        if (f instanceof GreaterThan) {
            return range(((GreaterThan) f).attribute(), ">", ((GreaterThan) f).value(), negated);
        }
        if (f instanceof GreaterThanOrEqual) {
            return range(((GreaterThanOrEqual) f).attribute(), ">=", ((GreaterThanOrEqual) f).value(), negated);
        }
        if (f instanceof LessThan) {
            return range(((LessThan) f).attribute(), "<", ((LessThan) f).value(), negated);
        }
        if (f instanceof LessThanOrEqual) {
            return range(((LessThanOrEqual) f).attribute(), "<=", ((LessThanOrEqual) f).value(), negated);
        }
        if (f instanceof In) {
            In in = (In) f;
            Kind k = kind(in.attribute());
            if (k == null || k == Kind.DOUBLE && negated || in.values().length == 0) {
                return null;
            }
            StringBuilder b = new StringBuilder(column(in.attribute())).append(" IN (");
            for (int i = 0; i < in.values().length; i++) {
                String v = literal(in.values()[i], k);
                if (v == null) {
                    return null;
                }
                b.append(i == 0 ? "" : ", ").append(v);
            }
            return new Pushed(b.append(')').toString(), k != Kind.DOUBLE);
        }
        if (f instanceof StringStartsWith) {
            StringStartsWith s = (StringStartsWith) f;
            Kind k = kind(s.attribute());
            if (k != Kind.TEXT || s.value().contains("%") || s.value().contains("_")) {
                return null;
            }
            return new Pushed(column(s.attribute()) + " LIKE " + AdqlText.string(s.value() + "%"), true);
        }
        return null;
    }

    private Pushed compare(String attribute, String op, Object value, boolean negated) {
        Kind k = kind(attribute);
        if (k == null || value == null || k == Kind.DOUBLE && negated) {
            return null;
        }
        String v = literal(value, k);
        return v == null ? null : new Pushed(column(attribute) + " " + op + " " + v, k != Kind.DOUBLE);
    }

    private Pushed range(String attribute, String op, Object value, boolean negated) {
        return kind(attribute) == Kind.TEXT ? null : compare(attribute, op, value, negated);
    }

    private Pushed leaf(String attribute, String tail, Kind k) {
        return new Pushed(column(attribute) + tail, k != Kind.DOUBLE);
    }

    /** How a column's filters may be pushed; null for not at all. */
    private enum Kind {
        INTEGER, DOUBLE, TEXT, TIMESTAMP
    }

    private Kind kind(String attribute) {
        StructField f = field(attribute);
        if (f == null) {
            return null;
        }
        DataType t = f.dataType();
        if (t.sameType(DataTypes.LongType) || t.sameType(DataTypes.IntegerType) || t.sameType(DataTypes.ShortType)) {
            return Kind.INTEGER;
        }
        if (t.sameType(DataTypes.DoubleType)) {
            return Kind.DOUBLE;
        }
        if (t.sameType(DataTypes.StringType)) {
            return Kind.TEXT;
        }
        if (t.sameType(DataTypes.TimestampType)) {
            return Kind.TIMESTAMP;
        }
        return null;
    }

    private StructField field(String attribute) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(attribute)) {
                return f;
            }
        }
        return null;
    }

    private String column(String attribute) {
        return AdqlText.identifier(attribute);
    }

    private static String literal(Object v, Kind k) {
        switch (k) {
            case INTEGER:
                return v instanceof Short || v instanceof Integer || v instanceof Long ? v.toString() : null;
            case DOUBLE:
                if (v instanceof Double && Double.isFinite((Double) v)) {
                    return v.toString();
                }
                return null;
            case TEXT:
                return v instanceof String ? AdqlText.string((String) v) : null;
            case TIMESTAMP:
                if (v instanceof Timestamp) {
                    return AdqlText.timestamp(((Timestamp) v).toInstant());
                }
                return v instanceof Instant ? AdqlText.timestamp((Instant) v) : null;
            default:
                return null;
        }
    }
}
