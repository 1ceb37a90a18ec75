// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.auth.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough ASN.1 DER (ITU-T X.690) to move private keys between their PEM encodings: read a
 * TLV, list a SEQUENCE's elements, write a TLV, decode an OBJECT IDENTIFIER. Definite lengths only,
 * as DER requires. Stateless; the element type is immutable (it shares the source array, which the
 * caller owns and wipes).
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    static final int CONTEXT_0 = 0xA0;

    private Der() {
    }

    /** One TLV inside a byte array. */
    static final class Element {
        final byte[] source;
        final int tag;
        /** Where the TLV starts (its tag byte). */
        final int start;
        /** Where the value starts. */
        final int valueStart;
        /** Where the value (and the TLV) ends, exclusive. */
        final int end;

        Element(byte[] source, int tag, int start, int valueStart, int end) {
            this.source = source;
            this.tag = tag;
            this.start = start;
            this.valueStart = valueStart;
            this.end = end;
        }

        byte[] value() {
            return Arrays.copyOfRange(source, valueStart, end);
        }

        byte[] encoded() {
            return Arrays.copyOfRange(source, start, end);
        }

        List<Element> children() {
            List<Element> out = new ArrayList<>();
            int p = valueStart;
            while (p < end) {
                Element e = read(source, p, end);
                out.add(e);
                p = e.end;
            }
            return out;
        }
    }

    /**
     * Reads the TLV at an offset.
     *
     * @throws IllegalArgumentException if it is not DER or runs past the limit
     */
    static Element read(byte[] source, int offset, int limit) {
        if (offset + 2 > limit) {
            throw new IllegalArgumentException("truncated DER at offset " + offset);
        }
        int tag = source[offset] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new IllegalArgumentException("multi-byte DER tags are not used by key formats (offset " + offset + ")");
        }
        int p = offset + 1;
        int first = source[p++] & 0xFF;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int n = first & 0x7F;
            if (n == 0 || n > 4) {
                throw new IllegalArgumentException("not a DER length at offset " + (offset + 1));
            }
            if (p + n > limit) {
                throw new IllegalArgumentException("truncated DER length at offset " + (offset + 1));
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = length << 8 | source[p++] & 0xFF;
            }
        }
        if (length > limit - p) {
            throw new IllegalArgumentException("DER value at offset " + offset + " runs past its end");
        }
        return new Element(source, tag, offset, p, p + (int) length);
    }

    /** Reads a whole array as one TLV, with nothing after it. */
    static Element readWhole(byte[] source) {
        Element e = read(source, 0, source.length);
        if (e.end != source.length) {
            throw new IllegalArgumentException("bytes after the DER value");
        }
        return e;
    }

    /** Writes a TLV. */
    static byte[] tlv(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** Decodes an OBJECT IDENTIFIER's value to dotted form. */
    static String oid(Element e) {
        if (e.tag != OID || e.end == e.valueStart) {
            throw new IllegalArgumentException("not an OBJECT IDENTIFIER");
        }
        StringBuilder sb = new StringBuilder();
        long v = 0;
        boolean firstArc = true;
        for (int i = e.valueStart; i < e.end; i++) {
            int b = e.source[i] & 0xFF;
            v = v << 7 | b & 0x7F;
            if ((b & 0x80) == 0) {
                if (firstArc) {
                    int x = v < 40 ? 0 : v < 80 ? 1 : 2;
                    sb.append(x).append('.').append(v - 40L * x);
                    firstArc = false;
                } else {
                    sb.append('.').append(v);
                }
                v = 0;
            }
        }
        return sb.toString();
    }
}
