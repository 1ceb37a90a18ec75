// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.TransportException;
import java.io.IOException;
import java.net.URI;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns whatever goes wrong while reading into a {@link CadcException} that says where: the line
 * and column in the document (put right for what the fast path took from the parser), the byte,
 * and the row. Single-threaded.
 */
final class Failures {
    private static final Pattern PARSER_LOCATION = Pattern.compile("\\s*at \\[row,col[^\\]]*\\]: \\[[^\\]]*\\]");

    private final URI source;
    private final CountingStream counted;
    private final FastPath fast;
    private final XMLStreamReader r;
    private final LongSupplier row;
    private final Supplier<String> place;

    /**
     * @param source where the document came from, or null
     * @param counted the document's bytes as read
     * @param fast the fast path the parser reads through
     * @param r the parser
     * @param row the row last read (0-based), -1 before the first
     * @param place the place in the table to name ("" outside the rows)
     */
    Failures(URI source, CountingStream counted, FastPath fast, XMLStreamReader r, LongSupplier row,
            Supplier<String> place) {
        this.source = source;
        this.counted = counted;
        this.fast = fast;
        this.r = r;
        this.row = row;
        this.place = place;
    }

    /** The failure of a reader that could not even start. */
    static ProtocolViolationException start(URI source, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RawTap.MalformedByte) {
                RawTap.MalformedByte bad = (RawTap.MalformedByte) t;
                return new ProtocolViolationException("malformed VOTable: " + bad.getMessage() + " [at byte "
                        + bad.offset + " of the document]", source, bad.line, bad.column, e);
            }
        }
        return new ProtocolViolationException("cannot start reading the VOTable: " + e.getMessage(), source, e);
    }

    ProtocolViolationException violation(String message, Throwable cause) {
        long[] at = cause instanceof CellException ? ((CellException) cause).place : null;
        return at != null ? violationAt(message, cause, at) : violation(message, cause, null);
    }

    /**
     * A failure at a known place.
     *
     * @param at {line, column, byte offset} in the document
     */
    ProtocolViolationException violationAt(String message, Throwable cause, long[] at) {
        return new ProtocolViolationException(message + place.get() + " [at byte " + at[2] + " of the document]",
                source, at[0], at[1], cause);
    }

    /**
     * A failure of an attribute's value, placed at the value's first character when the tap
     * still holds the start tag, else where the parser stands.
     *
     * @param tagOffset the parser's character offset of the start tag
     * @param attribute the attribute's name
     */
    ProtocolViolationException violationAtAttribute(String message, Throwable cause, long tagOffset,
            String attribute) {
        long[] at = fast.locateAttribute(tagOffset, attribute);
        return at != null ? violationAt(message, cause, at) : violation(message, cause, null);
    }

    /** @param exact the byte the failure is at, or null to take the parser's location */
    ProtocolViolationException violation(String message, Throwable cause, RawTap.MalformedByte exact) {
        long line = -1;
        long col = -1;
        Location loc = null;
        if (cause instanceof XMLStreamException) {
            loc = ((XMLStreamException) cause).getLocation();
        }
        if (loc == null) {
            try {
                loc = r.getLocation();
            } catch (RuntimeException e) {
                loc = null;
            }
        }
        if (loc != null) {
            // after rows or STREAM text taken without the parser, its numbers are off by those
            long parserLine = loc.getLineNumber();
            line = fast.documentLine(parserLine);
            col = fast.documentColumn(parserLine, loc.getColumnNumber());
        }
        StringBuilder sb = new StringBuilder(message).append(place.get());
        // the parser's place found again in the bytes the tap keeps: the exact byte
        long[] found = exact == null && loc != null && loc.getCharacterOffset() >= 0
                ? fast.locateOffset(loc.getCharacterOffset()) : null;
        long tail = exact == null && found == null && loc != null ? fast.tailByte(loc.getCharacterOffset()) : -1;
        if (exact != null) {
            line = exact.line;
            col = exact.column;
            sb.append(" [at byte ").append(exact.offset).append(" of the document]");
        } else if (found != null) {
            line = found[0];
            col = found[1];
            sb.append(" [at byte ").append(found[2]).append(" of the document]");
        } else if (tail >= 0) {
            // the input ended right after text taken raw: the parser's (put right) line and column stand
            sb.append(" [at byte ").append(tail).append(" of the document]");
        } else {
            sb.append(" [about ").append(counted.count()).append(" bytes into the document]");
        }
        return new ProtocolViolationException(sb.toString(), source, line, col, cause);
    }

    /**
     * Only CadcExceptions leave the reader: StAX implementations also throw unchecked exceptions
     * (Woodstox parses text lazily and reports a broken document from getTextCharacters as
     * WstxLazyException), and nothing else may escape as a bare RuntimeException.
     */
    RuntimeException translate(RuntimeException e) {
        if (e instanceof CadcException) {
            return e;
        }
        if (e instanceof CellException) {
            return violation(e.getMessage(), e);
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RawTap.MalformedByte) {
                return violation("malformed VOTable: " + t.getMessage(), e, (RawTap.MalformedByte) t);
            }
            if (t instanceof XMLStreamException) {
                return xml((XMLStreamException) t);
            }
        }
        return violation("unreadable VOTable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }

    /** The failure for a parser exception: a transport failure underneath, a bad byte, or bad XML. */
    RuntimeException xml(XMLStreamException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CadcException) {
                return (CadcException) t;
            }
            if (t instanceof CellException) {
                return violation(t.getMessage(), e);
            }
            if (t instanceof RawTap.MalformedByte) {
                return violation("malformed VOTable: " + t.getMessage(), e, (RawTap.MalformedByte) t);
            }
            if (t instanceof java.io.CharConversionException || t instanceof java.nio.charset.CharacterCodingException
                    || t instanceof java.util.zip.ZipException) {
                return violation("malformed VOTable: " + t.getMessage(), e);
            }
            if (t instanceof IOException && !(t instanceof XMLStreamException) && !(t instanceof Base64Text.XmlFailure)) {
                long last = row.getAsLong();
                return new TransportException("reading the VOTable" + (source == null ? "" : " from " + source)
                        + " failed" + (last >= 0 ? " after row " + (last + 1) : "") + ": " + t.getMessage(), source,
                        true, e);
            }
        }
        // Woodstox appends its own line and column ("at [row,col ...]: [l,c]"), which the
        // message gives anyway, put right for what the parser did not read (RawTap)
        String msg = e.getMessage() == null ? e.toString()
                : PARSER_LOCATION.matcher(e.getMessage()).replaceAll("").replace('\n', ' ').strip();
        return violation("malformed or truncated VOTable: " + msg, e);
    }
}
