// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.server.tap;

import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Row;
import io.cadc4j.core.table.TableMetadata;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of ADQL the stand-in evaluates over a {@link ServedTable}, enough for what a client
 * that writes its own queries sends:
 *
 * <pre>
 * SELECT [TOP n] * | column [, column]... FROM table | (query) [AS] alias [WHERE condition]
 * condition: OR, AND, NOT, parentheses; column op literal (=, &lt;&gt;, !=, &lt;, &lt;=, &gt;, &gt;=);
 *            column IS [NOT] NULL; column [NOT] IN (literal, ...); column [NOT] LIKE 'text%'
 * literal:   a number, or 'text' ('' for a quote); timestamps as text, compared as instants
 * </pre>
 *
 * <p>Identifiers are case-insensitive unless delimited with double quotes. Conditions follow SQL's
 * three-valued logic (a comparison with a null cell is unknown). Anything else is refused with a
 * message, as a real service refuses a query it cannot parse.
 */
final class AdqlSubset {
    private final List<String> tokens;
    private int at;

    private AdqlSubset(String adql) {
        this.tokens = tokenize(adql);
    }

    /** A parsed query: the source, the columns kept, the condition and the TOP limit. */
    static final class Select {
        final ServedTable table;
        final Select inner;
        final List<String> columns;
        final Condition where;
        final long top;

        Select(ServedTable table, Select inner, List<String> columns, Condition where, long top) {
            this.table = table;
            this.inner = inner;
            this.columns = columns;
            this.where = where;
            this.top = top;
        }

        /** @return the FIELDs of the source this select reads */
        TableMetadata source() {
            return table != null ? table.metadata() : inner.output();
        }

        /** @return the FIELDs this select gives */
        TableMetadata output() {
            TableMetadata src = source();
            if (columns == null) {
                return src;
            }
            List<Field> out = new ArrayList<>();
            for (String c : columns) {
                out.add(src.fields().get(index(src, c)));
            }
            return TableMetadata.of(src.name().orElse("result"), out, List.of());
        }
    }

    /** A condition over a row of the source; null is unknown. */
    interface Condition {
        Boolean test(Row r);

        /**
         * The row numbers, from and to (exclusive), outside which the condition cannot hold, for a
         * table whose first column is the row number ({@link ServedTable#keyed()}); a range
         * derived from comparisons of that column with whole numbers, joined by AND and OR.
         *
         * @return {from, to}
         */
        default long[] keyRange() {
            return new long[] {0, Long.MAX_VALUE};
        }
    }

    /** A condition with the key range it was derived to hold in. */
    private static Condition ranged(Condition c, long from, long to) {
        return new Condition() {
            @Override
            public Boolean test(Row r) {
                return c.test(r);
            }

            @Override
            public long[] keyRange() {
                return new long[] {Math.max(0, from), Math.max(Math.max(0, from), to)};
            }
        };
    }

    /**
     * Parses a query naming one of the tables.
     *
     * @param adql the query
     * @param tables the tables by lower-case name
     * @return the query, or null when it names none of the tables
     * @throws IllegalArgumentException with a message for a query outside the subset
     */
    static Select parse(String adql, Map<String, ServedTable> tables) {
        AdqlSubset p = new AdqlSubset(adql);
        Select s = p.select(tables);
        if (s == null) {
            return null;
        }
        if (p.at != p.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + p.tokens.get(p.at) + "' after the query");
        }
        return s;
    }

    private Select select(Map<String, ServedTable> tables) {
        expect("SELECT");
        long top = -1;
        if (accept("TOP")) {
            top = Long.parseLong(next());
        }
        List<String> columns = null;
        if (!accept("*")) {
            columns = new ArrayList<>();
            do {
                columns.add(next());
            } while (accept(","));
        }
        expect("FROM");
        ServedTable table = null;
        Select inner = null;
        if (accept("(")) {
            inner = select(tables);
            if (inner == null) {
                return null;
            }
            expect(")");
            accept("AS");
            next();
        } else {
            table = tables.get(next().toLowerCase(Locale.ROOT));
            if (table == null) {
                return null;
            }
        }
        Select partial = new Select(table, inner, columns, null, top);
        Condition where = null;
        if (accept("WHERE")) {
            where = or(partial.source());
        }
        Select s = new Select(table, inner, columns, where, top);
        s.output();
        return s;
    }

    private Condition or(TableMetadata m) {
        Condition c = and(m);
        while (accept("OR")) {
            Condition l = c;
            Condition r = and(m);
            Condition or = row -> {
                Boolean a = l.test(row);
                Boolean b = r.test(row);
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b) ? Boolean.TRUE : a == null || b == null ? null : false;
            };
            long[] x = l.keyRange();
            long[] y = r.keyRange();
            c = x[0] >= x[1] ? ranged(or, y[0], y[1]) : y[0] >= y[1] ? ranged(or, x[0], x[1])
                    : ranged(or, Math.min(x[0], y[0]), Math.max(x[1], y[1]));
        }
        return c;
    }

    private Condition and(TableMetadata m) {
        Condition c = not(m);
        while (accept("AND")) {
            Condition l = c;
            Condition r = not(m);
            Condition and = row -> {
                Boolean a = l.test(row);
                Boolean b = r.test(row);
                return Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b) ? Boolean.FALSE : a == null || b == null ? null : true;
            };
            long[] x = l.keyRange();
            long[] y = r.keyRange();
            c = ranged(and, Math.max(x[0], y[0]), Math.min(x[1], y[1]));
        }
        return c;
    }

    private Condition not(TableMetadata m) {
        if (accept("NOT")) {
            Condition c = not(m);
            return row -> {
                Boolean v = c.test(row);
                return v == null ? null : !v;
            };
        }
        if (accept("(")) {
            Condition c = or(m);
            expect(")");
            return c;
        }
        int col = index(m, next());
        Field f = m.fields().get(col);
        if (accept("IS")) {
            boolean negated = accept("NOT");
            expect("NULL");
            Condition isNull = row -> row.isNull(col) != negated;
            // The row-number column is never null.
            return col == 0 && !negated ? ranged(isNull, 0, 0) : isNull;
        }
        boolean negated = accept("NOT");
        if (accept("IN")) {
            expect("(");
            List<String> values = new ArrayList<>();
            do {
                values.add(next());
            } while (accept(","));
            expect(")");
            return row -> {
                if (row.isNull(col)) {
                    return null;
                }
                for (String v : values) {
                    if (compare(f, row, col, v) == 0) {
                        return !negated;
                    }
                }
                return negated;
            };
        }
        if (accept("LIKE")) {
            String pattern = unquote(next());
            if (pattern.indexOf('%') != pattern.length() - 1 || pattern.indexOf('_') >= 0) {
                throw new IllegalArgumentException("the stand-in only knows LIKE 'prefix%', not " + pattern);
            }
            String prefix = pattern.substring(0, pattern.length() - 1);
            return row -> row.isNull(col) ? null : row.getString(col).startsWith(prefix) != negated;
        }
        if (negated) {
            throw new IllegalArgumentException("NOT must come before IN or LIKE here");
        }
        String op = next();
        String literal = next();
        Condition compare = row -> {
            if (row.isNull(col)) {
                return null;
            }
            int c = compare(f, row, col, literal);
            switch (op) {
                case "=":
                    return c == 0;
                case "<>":
                case "!=":
                    return c != 0;
                case "<":
                    return c < 0;
                case "<=":
                    return c <= 0;
                case ">":
                    return c > 0;
                case ">=":
                    return c >= 0;
                default:
                    throw new IllegalArgumentException("unknown operator " + op);
            }
        };
        if (col != 0 || !literal.matches("-?\\d{1,18}")) {
            return compare;
        }
        long v = Long.parseLong(literal);
        switch (op) {
            case "=":
                return ranged(compare, v, v + 1);
            case "<":
                return ranged(compare, 0, v);
            case "<=":
                return ranged(compare, 0, v + 1);
            case ">":
                return ranged(compare, v + 1, Long.MAX_VALUE);
            case ">=":
                return ranged(compare, v, Long.MAX_VALUE);
            default:
                return compare;
        }
    }

    /** Compares a non-null cell with a literal. */
    private static int compare(Field f, Row row, int col, String literal) {
        if (f.type().isCharacter()) {
            String text = unquote(literal);
            if (f.xtype().map(x -> x.equalsIgnoreCase("timestamp")).orElse(false)) {
                return row.getTimestamp(col).compareTo(instant(text));
            }
            return row.getString(col).compareTo(text);
        }
        if (f.type() == Datatype.LONG || f.type() == Datatype.INT || f.type() == Datatype.SHORT
                || f.type() == Datatype.UNSIGNED_BYTE) {
            if (literal.matches("-?\\d+")) {
                return Long.compare(row.getLong(col), Long.parseLong(literal));
            }
            return Double.compare(row.getLong(col), Double.parseDouble(literal));
        }
        if (f.type() == Datatype.FLOAT || f.type() == Datatype.DOUBLE) {
            return Double.compare(row.getDouble(col), Double.parseDouble(literal));
        }
        throw new IllegalArgumentException("the stand-in cannot compare a " + f.datatype() + " column");
    }

    private static Instant instant(String text) {
        String t = text.endsWith("Z") ? text.substring(0, text.length() - 1) : text;
        return t.length() == 10 ? LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC)
                : LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    private static int index(TableMetadata m, String name) {
        String n = name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
        for (int i = 0; i < m.fields().size(); i++) {
            String f = m.fields().get(i).name();
            if (name.startsWith("\"") ? f.equals(n) : f.equalsIgnoreCase(n)) {
                return i;
            }
        }
        throw new IllegalArgumentException("column not found: " + name);
    }

    private static String unquote(String literal) {
        if (!literal.startsWith("'")) {
            throw new IllegalArgumentException("expected a quoted text, not " + literal);
        }
        return literal.substring(1, literal.length() - 1).replace("''", "'");
    }

    private String next() {
        if (at >= tokens.size()) {
            throw new IllegalArgumentException("the query ends too early");
        }
        return tokens.get(at++);
    }

    private boolean accept(String word) {
        if (at < tokens.size() && tokens.get(at).equalsIgnoreCase(word)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String word) {
        if (!accept(word)) {
            throw new IllegalArgumentException("expected " + word + " at '" + (at < tokens.size() ? tokens.get(at) : "the end")
                    + "'");
        }
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int j = i + 1;
                while (true) {
                    if (j >= s.length()) {
                        throw new IllegalArgumentException("a text literal is not closed");
                    }
                    if (s.charAt(j) == '\'') {
                        if (j + 1 < s.length() && s.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                out.add(s.substring(i, j + 1));
                i = j + 1;
            } else if (c == '"') {
                int j = s.indexOf('"', i + 1);
                while (j >= 0 && j + 1 < s.length() && s.charAt(j + 1) == '"') {
                    j = s.indexOf('"', j + 2);
                }
                if (j < 0) {
                    throw new IllegalArgumentException("a delimited identifier is not closed");
                }
                out.add(s.substring(i, j + 1));
                i = j + 1;
            } else if ("(),*=".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '<' || c == '>' || c == '!') {
                if (i + 1 < s.length() && (s.charAt(i + 1) == '=' || c == '<' && s.charAt(i + 1) == '>')) {
                    out.add(s.substring(i, i + 2));
                    i += 2;
                } else {
                    out.add(String.valueOf(c));
                    i++;
                }
            } else {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || "_.+-".indexOf(s.charAt(j)) >= 0)) {
                    j++;
                }
                if (j == i) {
                    throw new IllegalArgumentException("unexpected character '" + c + "'");
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
