// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.formats.internal;

import io.cadc4j.core.internal.table.ForwardingCursor;
import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.TableMetadata;
import io.cadc4j.votable.Serialization;
import io.cadc4j.votable.VOTableReader;
import io.cadc4j.votable.VOTableWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nom.tam.fits.FitsException;
import nom.tam.fits.Header;
import nom.tam.util.FitsOutputStream;

/**
 * Writes rows as a FITS file: an empty primary HDU, then one BINTABLE extension, in two passes so
 * that memory does not grow with the rows.
 *
 * <p>The first pass copies the rows into a temporary BINARY2 VOTable while it notes what the FITS
 * header must say before the first row: the row count (NAXIS2), the widest text of each char column
 * (its {@code nA} width), the longest variable array (the {@code P}/{@code Q} descriptor's maximum),
 * the heap size (PCOUNT, and {@code Q} descriptors past 2 GiB) and each integer column's range (to
 * choose a TNULL no value uses). The second pass reads that file back and writes the header, the
 * rows, then the heap, which is gathered meanwhile in a second temporary file. Both files are
 * removed before the call returns or fails.
 *
 * <p>What the table says:
 * <ul>
 *   <li>TTYPE (the names, made unique; characters outside printable ASCII become {@code ?}),
 *       TFORM, TUNIT, TNULL, TDIM, TCOMM (the description), TUCD and TUTYP, EXTNAME (the table's
 *       name); values longer than a card use the CONTINUE convention ({@code LONGSTRN});</li>
 *   <li>astropy's serialized-columns block in COMMENT cards: the same YAML as an ECSV header, with
 *       descriptions and meta ({@code ucd}, {@code utype}, {@code xtype}) exactly, non-ASCII
 *       escaped, so that astropy's {@code Table.read} gives them back;</li>
 *   <li>types: boolean/bit L, unsignedByte B, short I, int J, long K, float E, double D,
 *       floatComplex C, doubleComplex M, char and unicodeChar {@code nA} in UTF-8, fixed arrays
 *       {@code nX} (TDIM for more than one dimension), variable arrays {@code PX(max)} in the heap;</li>
 *   <li>nulls: integers TNULL (the FIELD's null value, else the type's minimum, 255 for bytes, or a
 *       value outside the column's range), floats NaN, text all zero bytes, booleans a zero byte,
 *       a variable array of length 0.</li>
 * </ul>
 *
 * <p>Stateless; each call single-threaded.
 */
final class FitsTableWriter {
    private static final int BLOCK = 2880;
    private static final int MAX_COLUMNS = 999;
    private static final int MAX_NAME = 68;
    private static final int CARD = 80;
    private static final String END_CARD = card("END");

    private FitsTableWriter() {
    }

    /**
     * Writes every remaining row.
     *
     * @param rows the rows (not closed)
     * @param out where to write (flushed, not closed)
     * @return the number of rows written
     * @throws IOException if writing fails, or the table cannot be a FITS table
     */
    static long write(RowCursor rows, OutputStream out) throws IOException {
        TableMetadata table = rows.metadata();
        List<Field> fields = table.fields();
        if (fields.size() > MAX_COLUMNS) {
            throw new IOException("a FITS binary table holds at most " + MAX_COLUMNS + " columns; this result has "
                    + fields.size());
        }
        FitsColumn[] columns = new FitsColumn[fields.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new FitsColumn(fields.get(i));
        }
        List<String> names = names(table);
        Path copy = Files.createTempFile("cadc4j-fits-", ".vot");
        Path heap = null;
        try {
            Survey survey = new Survey(rows, columns);
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(copy), 1 << 16)) {
                VOTableWriter.of(Serialization.BINARY2).write(survey, o);
            }
            long heapSize = 0;
            for (FitsColumn c : columns) {
                heapSize += c.heapBytes;
            }
            boolean bigHeap = heapSize > Integer.MAX_VALUE;
            long rowBytes = 0;
            for (FitsColumn c : columns) {
                c.decide(bigHeap);
                rowBytes += c.width();
            }
            heap = Files.createTempFile("cadc4j-fits-", ".heap");
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(new EcsvTableWriter.NonClosing(out),
                    1 << 16));
            header(primary(), List.of(), data);
            header(extension(table, columns, names, rowBytes, survey.count, heapSize), astropyBlock(table, names), data);
            long written = 0;
            long heapOffset = 0;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(copy), 1 << 16);
                 RowCursor back = VOTableReader.builder().build().open(in, copy.toUri());
                 DataOutputStream heapOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(heap),
                         1 << 16))) {
                while (back.next()) {
                    for (int i = 0; i < columns.length; i++) {
                        heapOffset += columns[i].write(back, i, data, heapOut, heapOffset);
                    }
                    written++;
                }
            }
            if (written != survey.count || heapOffset != heapSize) {
                throw new IOException("the rows read back (" + written + ", heap " + heapOffset
                        + " bytes) differ from those written (" + survey.count + ", " + heapSize + ")");
            }
            Files.copy(heap, data);
            long size = rowBytes * written + heapSize;
            pad(data, size);
            data.flush();
            return written;
        } finally {
            Files.deleteIfExists(copy);
            if (heap != null) {
                Files.deleteIfExists(heap);
            }
        }
    }

    private static Header primary() throws IOException {
        Header h = new Header();
        try {
            h.addValue("SIMPLE", true, "conforms to FITS standard");
            h.addValue("BITPIX", 8, "no data");
            h.addValue("NAXIS", 0, "no data");
            h.addValue("EXTEND", true, "the table is in the first extension");
        } catch (FitsException e) {
            throw new IOException("cannot make the primary FITS header: " + e.getMessage(), e);
        }
        return h;
    }

    /**
     * The TTYPE values: printable ASCII, at most what one card holds (68 characters, a quote
     * counting twice: astropy refuses a longer column name), unique.
     */
    static List<String> names(TableMetadata table) {
        List<String> names = ColumnNames.unique(table.fields());
        for (int i = 0; i < names.size(); i++) {
            String n = ascii(names.get(i));
            int room = MAX_NAME;
            int k = 0;
            while (k < n.length() && room >= (n.charAt(k) == '\'' ? 2 : 1)) {
                room -= n.charAt(k) == '\'' ? 2 : 1;
                k++;
            }
            names.set(i, n.substring(0, k));
        }
        List<String> unique = ColumnNames.uniqueNames(names);
        for (int i = 0; i < unique.size(); i++) {
            String u = unique.get(i);
            if (u.length() > MAX_NAME) {
                // a suffix made the name too long: cut the name before the suffix
                String suffix = u.substring(names.get(i).length());
                unique.set(i, names.get(i).substring(0, MAX_NAME - suffix.length()) + suffix);
            }
        }
        return unique;
    }

    /** astropy's serialized-columns block: the YAML in COMMENT texts of at most 71 characters. */
    private static List<String> astropyBlock(TableMetadata table, List<String> names) {
        List<String> out = new ArrayList<>();
        out.add("--BEGIN-ASTROPY-SERIALIZED-COLUMNS--");
        for (String line : AstropyHeader.yaml(table, names, true)) {
            // astropy's convention: 70 characters a card, a backslash where the line goes on
            for (int k = 0; k < line.length() || k == 0; k += 70) {
                boolean more = k + 70 < line.length();
                out.add(line.substring(k, Math.min(line.length(), k + 70)) + (more ? "\\" : ""));
            }
        }
        out.add("--END-ASTROPY-SERIALIZED-COLUMNS--");
        return out;
    }

    private static Header extension(TableMetadata table, FitsColumn[] columns, List<String> names, long rowBytes,
            long rows, long heapSize) throws IOException {
        Header h = new Header();
        try {
            h.addValue("XTENSION", "BINTABLE", "binary table extension");
            h.addValue("BITPIX", 8, "bytes");
            h.addValue("NAXIS", 2, "a table");
            h.addValue("NAXIS1", rowBytes, "bytes per row");
            h.addValue("NAXIS2", rows, "rows");
            h.addValue("PCOUNT", heapSize, "heap bytes");
            h.addValue("GCOUNT", 1, "one table");
            h.addValue("TFIELDS", columns.length, "columns");
            for (int i = 0; i < columns.length; i++) {
                FitsColumn c = columns[i];
                Field f = c.field;
                int n = i + 1;
                h.addValue("TTYPE" + n, names.get(i), "");
                h.addValue("TFORM" + n, c.tform(), "");
                if (f.unit().isPresent()) {
                    h.addValue("TUNIT" + n, ascii(f.unit().get()), "");
                }
                if (c.tnull != null) {
                    h.addValue("TNULL" + n, c.tnull, "");
                }
                if (c.tdim() != null) {
                    h.addValue("TDIM" + n, c.tdim(), "");
                }
                if (f.description().isPresent()) {
                    h.addValue("TCOMM" + n, ascii(f.description().get()), "");
                }
                if (f.ucd().isPresent()) {
                    h.addValue("TUCD" + n, ascii(f.ucd().get()), "");
                }
                if (f.utype().isPresent()) {
                    h.addValue("TUTYP" + n, ascii(f.utype().get()), "");
                }
            }
            if (table.name().isPresent()) {
                h.addValue("EXTNAME", ascii(table.name().get()), "");
            }
            h.addValue("LONGSTRN", "OGIP 1.0", "long strings continue on CONTINUE cards");
        } catch (RuntimeException e) {
            throw new IOException("cannot make the FITS table header: " + e.getMessage(), e);
        }
        return h;
    }

    /** Printable ASCII only, as FITS headers allow; anything else becomes {@code ?}. */
    static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            }
            b.append(c >= 0x20 && c <= 0x7e ? c : '?');
        }
        return b.toString();
    }

    /**
     * Writes a header made by nom-tam-fits, with COMMENT cards whose text starts right after the
     * keyword, in column 9, as astropy writes and reads them (nom-tam-fits puts a space there).
     */
    private static void header(Header h, List<String> comments, DataOutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            FitsOutputStream f = new FitsOutputStream(bytes);
            h.write(f);
            f.flush();
        } catch (FitsException e) {
            throw new IOException("cannot write the FITS header: " + e.getMessage(), e);
        }
        byte[] b = bytes.toByteArray();
        int end = -1;
        for (int at = 0; at + CARD <= b.length; at += CARD) {
            if (new String(b, at, CARD, StandardCharsets.US_ASCII).equals(END_CARD)) {
                end = at;
                break;
            }
        }
        if (end < 0) {
            throw new IOException("nom-tam-fits wrote a header without an END card");
        }
        StringBuilder cards = new StringBuilder();
        for (String c : comments) {
            cards.append(card("COMMENT " + c));
        }
        cards.append(END_CARD);
        byte[] tail = cards.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(b, 0, end);
        out.write(tail);
        long size = (long) end + tail.length;
        for (long k = size; k % BLOCK != 0; k++) {
            out.write(' ');
        }
    }

    private static String card(String text) {
        StringBuilder b = new StringBuilder(text);
        while (b.length() < CARD) {
            b.append(' ');
        }
        return b.toString();
    }

    private static void pad(DataOutputStream out, long size) throws IOException {
        long rest = (BLOCK - size % BLOCK) % BLOCK;
        for (long k = 0; k < rest; k++) {
            out.write(0);
        }
    }

    /** The first pass: passes the rows on to the VOTable copy and surveys every cell. Single-threaded. */
    private static final class Survey extends ForwardingCursor {
        private final RowCursor rows;
        private final FitsColumn[] columns;
        long count;

        Survey(RowCursor rows, FitsColumn[] columns) {
            this.rows = rows;
            this.columns = columns;
        }

        @Override
        protected RowCursor delegate() {
            return rows;
        }

        @Override
        public boolean next() {
            boolean more = rows.next();
            if (more) {
                count++;
                for (int i = 0; i < columns.length; i++) {
                    columns[i].survey(rows, i);
                }
            }
            return more;
        }

        @Override
        public void close() {
            // the caller owns the rows
        }
    }
}
