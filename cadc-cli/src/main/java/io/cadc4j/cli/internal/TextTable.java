// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.RowCursor;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code table} format, as astropy prints a table: a header, a line of dashes, aligned cells
 * (numbers to the right), then the row count. Column widths are measured on the first
 * {@value #MEASURED_ROWS} rows.
 *
 * <p>For a terminal ({@code width > 0}) the table is fitted to the width: first the widest text
 * cells are narrowed, each keeping its start and its end around an ellipsis (identifiers differ
 * at their ends), down to {@value #MIN_WIDTH} characters (numbers are never cut); only when that
 * is not enough are columns dropped from the middle behind {@code ...}, and the footer says how many
 * and how to see them. For anything else ({@code width <= 0}: a pipe, a file) every column and
 * every character is written.
 *
 * <p>Single-threaded.
 */
final class TextTable {
    /** How many rows are read before the column widths are fixed. */
    static final int MEASURED_ROWS = 1000;
    /** The narrowest a text column is made on a terminal (unless its header is narrower). */
    static final int MIN_WIDTH = 16;
    /** Marks where a narrowed cell lost its middle. */
    static final String ELLIPSIS = "\u2026";
    /** Stands for the columns dropped. */
    static final String GAP = "...";

    private final List<Field> fields;
    private final int[] widths;
    private final boolean[] right;
    private final List<Integer> shown;
    private final int hidden;
    private final boolean fit;

    private TextTable(List<Field> fields, int[] natural, int width) {
        this.fields = fields;
        int n = fields.size();
        this.right = new boolean[n];
        int[] floor = new int[n];
        for (int i = 0; i < n; i++) {
            Field f = fields.get(i);
            right[i] = f.type().isIntegral() || f.type().isFloatingPoint();
            // numbers are never cut; text down to MIN_WIDTH
            floor[i] = right[i] ? natural[i] : Math.min(natural[i], MIN_WIDTH);
        }
        this.widths = natural.clone();
        this.fit = width > 0;
        if (width <= 0 || total(natural, all(n)) <= width) {
            this.shown = all(n);
            this.hidden = 0;
            return;
        }
        List<Integer> keep = all(n);
        int room = width;
        if (total(floor, keep) > width) {
            keep = keepFromBothEnds(floor, width);
            room = width - GAP.length() - 1;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i : keep) {
            if (i >= 0) {
                kept.add(i);
            }
        }
        narrow(natural, floor, kept, room);
        this.shown = keep;
        this.hidden = n - kept.size();
    }

    private static List<Integer> all(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    /** The width of a line of these columns (a gap, -1, counts as {@code ...}). */
    private static int total(int[] w, List<Integer> columns) {
        int t = -1;
        for (int i : columns) {
            t += (i < 0 ? GAP.length() : w[i]) + 1;
        }
        return Math.max(t, 0);
    }

    /** Columns kept, at their narrowest, from both ends inward, with -1 marking the gap. */
    private static List<Integer> keepFromBothEnds(int[] floor, int width) {
        List<Integer> left = new ArrayList<>();
        List<Integer> rightSide = new ArrayList<>();
        int used = GAP.length();
        int lo = 0;
        int hi = floor.length - 1;
        boolean takeLeft = true;
        while (lo <= hi) {
            int i = takeLeft ? lo : hi;
            if (used + floor[i] + 1 > width) {
                break;
            }
            used += floor[i] + 1;
            if (takeLeft) {
                left.add(lo++);
            } else {
                rightSide.add(0, hi--);
            }
            takeLeft = !takeLeft;
        }
        if (left.isEmpty()) {
            left.add(0);
        }
        List<Integer> out = new ArrayList<>(left);
        out.add(-1);
        out.addAll(rightSide);
        return out;
    }

    /**
     * Narrows the widest columns first: finds the highest cap such that every kept column at
     * {@code max(floor, min(natural, cap))} fits the room, then hands what is left over one
     * character at a time to the columns that were cut, left to right.
     */
    private void narrow(int[] natural, int[] floor, List<Integer> kept, int room) {
        int lo = 0;
        int hi = 0;
        for (int i : kept) {
            hi = Math.max(hi, natural[i]);
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (totalCapped(natural, floor, kept, mid) <= room) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        for (int i : kept) {
            widths[i] = Math.max(floor[i], Math.min(natural[i], lo));
        }
        int spare = room - total(widths, kept);
        for (int i : kept) {
            if (spare <= 0) {
                break;
            }
            if (widths[i] < natural[i]) {
                widths[i]++;
                spare--;
            }
        }
    }

    private static int totalCapped(int[] natural, int[] floor, List<Integer> kept, int cap) {
        int t = -1;
        for (int i : kept) {
            t += Math.max(floor[i], Math.min(natural[i], cap)) + 1;
        }
        return t;
    }

    /**
     * Writes every remaining row.
     *
     * @param rows the cursor, read to its end (not closed)
     * @param out where to write, one whole row at a time
     * @param width the terminal's width, or 0 or less for no terminal (nothing cut)
     * @return the number of rows written
     * @throws IOException if writing fails
     */
    static long write(RowCursor rows, RowBoundaryWriter out, int width) throws IOException {
        List<Field> fields = rows.metadata().fields();
        int n = fields.size();
        int[] natural = new int[n];
        for (int i = 0; i < n; i++) {
            natural[i] = fields.get(i).name().length();
        }
        List<String[]> held = new ArrayList<>();
        boolean more = true;
        while (held.size() < MEASURED_ROWS && (more = rows.next())) {
            String[] cells = cells(rows, n);
            for (int i = 0; i < n; i++) {
                natural[i] = Math.max(natural[i], cells[i].length());
            }
            held.add(cells);
        }
        TextTable t = new TextTable(fields, natural, width);
        PrintWriter w = new PrintWriter(out);
        String[] header = new String[n];
        String[] dashes = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = fields.get(i).name();
            dashes[i] = "-".repeat(t.widths[i]);
        }
        t.line(w, header);
        t.line(w, dashes);
        out.endRow();
        long count = 0;
        for (String[] cells : held) {
            t.line(w, cells);
            out.endRow();
            count++;
        }
        held.clear();
        if (more) {
            while (rows.next()) {
                t.line(w, cells(rows, n));
                out.endRow();
                count++;
            }
        }
        String footer = "(" + count + (count == 1 ? " row" : " rows");
        if (t.hidden > 0) {
            footer += "; " + t.hidden + " of " + n + " columns not shown: --format csv shows every column, "
                    + "--columns a,b chooses them";
        }
        w.print(wrap(footer + ")", width));
        w.flush();
        return count;
    }

    /** Breaks text at spaces into lines no longer than the width (no breaking for width 0 or less). */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        String rest = text;
        while (width > 0 && rest.length() > width) {
            int at = rest.lastIndexOf(' ', width);
            if (at <= 0) {
                break;
            }
            out.append(rest, 0, at).append('\n');
            rest = rest.substring(at + 1);
        }
        return out.append(rest).append('\n').toString();
    }

    private static String[] cells(RowCursor rows, int n) {
        String[] cells = new String[n];
        for (int i = 0; i < n; i++) {
            cells[i] = TableWriter.text(rows, i, "--");
        }
        return cells;
    }

    /**
     * A cell cut to a width, keeping its start and end around an ellipsis.
     *
     * @param s the text
     * @param width the width, at least 1
     * @return the text, or its cut
     */
    static String middleEllipsis(String s, int width) {
        if (s.length() <= width) {
            return s;
        }
        if (width <= ELLIPSIS.length()) {
            return s.substring(0, width);
        }
        int keep = width - ELLIPSIS.length();
        int head = (keep + 1) / 2;
        return s.substring(0, head) + ELLIPSIS + s.substring(s.length() - (keep - head));
    }

    private void line(PrintWriter w, String[] cells) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < shown.size(); k++) {
            if (k > 0) {
                s.append(' ');
            }
            int i = shown.get(k);
            if (i < 0) {
                s.append(GAP);
                continue;
            }
            String c = fit ? middleEllipsis(cells[i], widths[i]) : cells[i];
            String pad = " ".repeat(Math.max(0, widths[i] - c.length()));
            s.append(right[i] ? pad + c : c + pad);
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        s.setLength(end);
        w.print(s);
        w.print('\n');
        w.flush();
    }
}
