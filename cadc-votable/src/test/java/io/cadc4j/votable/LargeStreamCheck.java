// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import io.cadc4j.core.table.RowCursor;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads a large generated document that never exists whole in memory and prints the row count and
 * a checksum; run in a JVM with a tiny heap by {@link BoundedMemoryTest}.
 */
final class LargeStreamCheck {
    private LargeStreamCheck() {
    }

    /** Produces header, rows and footer lazily. */
    static final class LazyDocument extends InputStream {
        private final boolean binary2;
        private final long rows;
        private final byte[] footer;
        private byte[] chunk;
        private int pos;
        private long row;
        private boolean footerSent;
        private final StringBuilder sb = new StringBuilder();
        private final byte[] raw = new byte[57 * 64];
        private int carry;

        LazyDocument(boolean binary2, long rows) {
            this.binary2 = binary2;
            this.rows = rows;
            String fields = "<FIELD name=\"id\" datatype=\"char\" arraysize=\"*\"/><FIELD name=\"ra\" datatype=\"double\"/>"
                    + "<FIELD name=\"n\" datatype=\"long\"/><FIELD name=\"ok\" datatype=\"boolean\"/>";
            String head = "<?xml version=\"1.0\"?><VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
                    + "<RESOURCE type=\"results\"><TABLE>" + fields + "<DATA>"
                    + (binary2 ? "<BINARY2><STREAM encoding=\"base64\">\n" : "<TABLEDATA>\n");
            this.chunk = head.getBytes(StandardCharsets.US_ASCII);
            this.footer = ((binary2 ? "</STREAM></BINARY2>" : "</TABLEDATA>")
                    + "</DATA></TABLE><INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/></RESOURCE></VOTABLE>")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        private static String id(long r) {
            return "ivo://cadc.nrc.ca/CFHT?" + (2366432 + r) + "/" + (2366432 + r) + "o";
        }

        private boolean refill() {
            if (row >= rows) {
                if (footerSent) {
                    return false;
                }
                footerSent = true;
                chunk = footer;
                pos = 0;
                return true;
            }
            if (binary2) {
                // whole rows into a block; bytes past the last multiple of 3 wait for the next block
                int n = carry;
                while (row < rows && n + 64 <= raw.length) {
                    byte[] id = id(row).getBytes(StandardCharsets.US_ASCII);
                    raw[n++] = 0;
                    n = putInt(raw, n, id.length);
                    System.arraycopy(id, 0, raw, n, id.length);
                    n += id.length;
                    long bits = Double.doubleToLongBits(row * 0.001);
                    n = putInt(raw, n, (int) (bits >>> 32));
                    n = putInt(raw, n, (int) bits);
                    n = putInt(raw, n, 0);
                    n = putInt(raw, n, (int) row);
                    raw[n++] = (byte) (row % 2 == 0 ? 'T' : 'F');
                    row++;
                }
                int whole = row >= rows ? n : n - n % 3;
                byte[] enc = Base64.getMimeEncoder().encode(java.util.Arrays.copyOf(raw, whole));
                carry = n - whole;
                System.arraycopy(raw, whole, raw, 0, carry);
                chunk = (new String(enc, StandardCharsets.US_ASCII) + "\n").getBytes(StandardCharsets.US_ASCII);
            } else {
                sb.setLength(0);
                for (int k = 0; k < 200 && row < rows; k++, row++) {
                    sb.append("<TR><TD>").append(id(row)).append("</TD><TD>").append(row * 0.001).append("</TD><TD>")
                            .append(row).append("</TD><TD>").append(row % 2 == 0 ? 'T' : 'F').append("</TD></TR>\n");
                }
                chunk = sb.toString().getBytes(StandardCharsets.US_ASCII);
            }
            pos = 0;
            return true;
        }

        private static int putInt(byte[] b, int n, int v) {
            b[n] = (byte) (v >>> 24);
            b[n + 1] = (byte) (v >>> 16);
            b[n + 2] = (byte) (v >>> 8);
            b[n + 3] = (byte) v;
            return n + 4;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == chunk.length && !refill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    public static void main(String[] args) {
        boolean binary2 = args[0].equals("BINARY2");
        long rows = Long.parseLong(args[1]);
        long count = 0;
        long sum = 0;
        try (RowCursor c = VOTableReader.builder().build().open(new LazyDocument(binary2, rows))) {
            while (c.next()) {
                sum += c.getLong(2) + c.getString(0).length() + (c.getBoolean(3) ? 1 : 0) + (long) c.getDouble(1);
                count++;
            }
            System.out.println("rows=" + count + " sum=" + sum + " overflow=" + c.isOverflow());
        }
    }
}
