// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * ADQL text the source writes: identifiers, quoted only when they must be (a regular identifier
 * is case-insensitive in ADQL, and services such as DaCHS keep their columns in lower case while
 * their VOTables spell them in mixed case, so quoting every name would break), and literals.
 */
final class AdqlText {
    /** ADQL 2.1 reserved words (and SQL's, which ADQL reserves too) that a column could be named. */
    private static final Set<String> RESERVED = Set.of("ABS", "ACOS", "ALL", "AND", "ANY", "AS", "ASC", "ASIN", "AT",
            "ATAN", "ATAN2", "AVG", "BETWEEN", "BOX", "BY", "CASE", "CAST", "CEILING", "CENTROID", "CHAR", "CIRCLE",
            "COALESCE", "CONTAINS", "COORD1", "COORD2", "COORDSYS", "COS", "COT", "COUNT", "CROSS", "DATE", "DEGREES",
            "DESC", "DISTANCE", "DISTINCT", "ELSE", "END", "EXCEPT", "EXISTS", "EXP", "FLOOR", "FROM", "FULL", "GROUP",
            "HAVING", "IN", "INNER", "INTERSECT", "INTERSECTS", "INTERVAL", "INTO", "IS", "JOIN", "LEFT", "LIKE", "LOG",
            "LOG10", "LOWER", "MAX", "MIN", "MOD", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OUTER",
            "PI", "POINT", "POLYGON", "POWER", "RADIANS", "REGION", "RAND", "RIGHT", "ROUND", "SELECT", "SIN", "SOME",
            "SQRT", "SUM", "TABLE", "TAN", "THEN", "TIME", "TIMESTAMP", "TOP", "TRUNCATE", "UNION", "UPPER", "USING",
            "VALUE", "VALUES", "WHEN", "WHERE", "WITH", "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "USER",
            "SIZE", "POSITION", "LENGTH", "DOUBLE", "FLOAT", "INTEGER", "REAL", "SMALLINT", "BIGINT", "VARCHAR",
            "BOOLEAN", "TRUE", "FALSE", "UNKNOWN", "KEY", "PRIMARY", "FOREIGN", "DEFAULT", "CHECK", "CHARACTER");

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private AdqlText() {
    }

    /**
     * A column name as ADQL: plain when it is a regular identifier that is not reserved, else
     * delimited ({@code "a b"}, with {@code "} doubled).
     *
     * @param name the name
     * @return the identifier
     */
    static String identifier(String name) {
        if (name.matches("[A-Za-z][A-Za-z0-9_]*") && !RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * A character string literal: {@code 'it''s'}.
     *
     * @param s the text
     * @return the literal
     */
    static String string(String s) {
        return '\'' + s.replace("'", "''") + '\'';
    }

    /**
     * A timestamp as the ISO-8601 literal that TAP services compare timestamp columns with
     * ({@code '2020-01-01T00:00:00.000000'}, UTC, DALI's form).
     *
     * @param t the instant
     * @return the literal
     */
    static String timestamp(Instant t) {
        return '\'' + TIMESTAMP.format(t) + '\'';
    }

    /**
     * A timestamp in Spark's micros since the epoch as a literal.
     *
     * @param micros microseconds since 1970-01-01T00:00Z
     * @return the literal
     */
    static String timestampMicros(long micros) {
        return timestamp(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L));
    }
}
