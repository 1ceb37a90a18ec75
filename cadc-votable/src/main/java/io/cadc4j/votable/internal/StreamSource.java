// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.internal.http.HttpPipeline;
import io.cadc4j.core.spi.HttpRequest;
import io.cadc4j.core.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * The bytes of a BINARY or BINARY2 element's {@code STREAM}: its base64 text decoded (from the
 * parser's events, or straight from the document's bytes through the {@link FastPath}), or, for
 * {@code STREAM href}, fetched through the HTTP pipeline; gunzipped for {@code encoding="gzip"}.
 * Single-threaded.
 */
final class StreamSource {
    private final XmlEvents ev;
    private final Failures fail;
    private final URI source;
    private InputStream data;
    /** The inline STREAM's text; null for href or no STREAM. */
    private Base64Text text;
    private HttpResponse fetched;
    /** Whether the BINARY or BINARY2 end tag is still to come. */
    private boolean elementOpen;
    /** Whether the data is gzip-compressed (its decoded bytes then are not the text's one for one). */
    private boolean gzip;

    private StreamSource(XmlEvents ev, Failures fail, URI source) {
        this.ev = ev;
        this.fail = fail;
        this.source = source;
    }

    /**
     * Opens the STREAM of the BINARY or BINARY2 element the parser has just started.
     *
     * @param ev the parser
     * @param fail where failures are made
     * @param fast the fast path, to take the STREAM text from
     * @param source where the document came from, or null (href is resolved against it)
     * @param http the pipeline to fetch {@code href} with, or null
     * @return the open stream
     */
    static StreamSource open(XmlEvents ev, Failures fail, FastPath fast, URI source, HttpPipeline http)
            throws XMLStreamException {
        StreamSource s = new StreamSource(ev, fail, source);
        try {
            s.openStream(fast, http);
        } catch (XMLStreamException | RuntimeException e) {
            s.close(); // a fetched stream that is not read
            throw e;
        }
        return s;
    }

    /** @return the decoded bytes */
    InputStream data() {
        return data;
    }

    private void openStream(FastPath fast, HttpPipeline http) throws XMLStreamException {
        while (true) {
            int e = ev.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (!"STREAM".equals(ev.r.getLocalName())) {
                    throw fail.violation("expected <STREAM> inside the BINARY element, found <"
                            + ev.r.getLocalName() + ">", null);
                }
                break;
            }
            if (e == XMLStreamConstants.END_ELEMENT) {
                // BINARY without STREAM: no rows
                data = InputStream.nullInputStream();
                return;
            }
            if (e == XMLStreamConstants.END_DOCUMENT) {
                throw fail.violation("the document ended inside the BINARY element", null);
            }
        }
        elementOpen = true;
        String encoding = ev.attr("encoding");
        String enc = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
        String href = ev.attr("href");
        InputStream raw;
        if (href != null && !href.isBlank()) {
            ev.skipElement();
            raw = fetch(href.strip(), http);
            if ("base64".equals(enc)) {
                throw new CadcException("STREAM href=" + href + " with encoding=base64 is not supported", source,
                        false, null);
            }
        } else {
            if (!enc.isEmpty() && !"base64".equals(enc) && !"gzip".equals(enc)) {
                throw new CadcException("STREAM encoding '" + encoding + "' is not supported (only base64 and gzip)",
                        source, false, null);
            }
            text = new Base64Text(ev.r, ev::next, fast);
            fast.streamText(text, ev.r);
            raw = text;
        }
        gzip = "gzip".equals(enc);
        if (gzip) {
            try {
                raw = new Gunzip(raw, text);
            } catch (Base64Text.XmlFailure e) {
                throw fail.xml(e.xml());
            } catch (IOException e) {
                throw fail.violation("the gzip STREAM cannot be opened: " + e.getMessage(), e);
            }
        }
        data = raw;
    }

    private InputStream fetch(String href, HttpPipeline http) {
        URI target;
        try {
            target = source == null ? URI.create(href) : source.resolve(href);
        } catch (IllegalArgumentException e) {
            throw fail.violation("STREAM href is not a URI: '" + href + "'", e);
        }
        String scheme = target.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw fail.violation("STREAM href '" + href + "' is not an http(s) URL; cadc4j fetches nothing else", null);
        }
        if (http == null) {
            throw new CadcException("the VOTable" + (source == null ? "" : " from " + source)
                    + " keeps its rows at STREAM href=" + target + "; give the reader an HttpPipeline"
                    + " (VOTableReader.Builder.httpPipeline) to fetch them", source, false, null);
        }
        fetched = http.sendExpectingSuccess(HttpRequest.newBuilder(target).GET().build());
        return fetched.body();
    }

    /**
     * The place in the document of the base64 character that encodes a decoded byte, for damage
     * found in the decoded bytes.
     *
     * @param decoded the byte's offset in the decoded stream
     * @return {line, column, byte offset}, or null if not known: for a fetched or gzip STREAM
     *         (whose bytes are not the text's one for one), or a place long past
     */
    long[] placeOf(long decoded) {
        return text == null || gzip ? null : text.placeOf(decoded);
    }

    /** @return whether the data is gzip-compressed ({@code encoding="gzip"}) */
    boolean gzip() {
        return gzip;
    }

    /** Reads the rest of the STREAM text after the last row, and the element's end tag. */
    void finish() {
        if (text != null) {
            try {
                byte[] skip = new byte[4096];
                while (!text.ended()) {
                    if (text.read(skip, 0, skip.length) < 0) {
                        break;
                    }
                }
            } catch (Base64Text.XmlFailure e) {
                throw fail.xml(e.xml());
            } catch (IOException | CellException e) {
                throw fail.violation("after the last row: " + e.getMessage(), e);
            }
        }
        close();
        if (elementOpen) {
            elementOpen = false;
            // consume </BINARY> or </BINARY2>
            try {
                while (true) {
                    int e = ev.next();
                    if (e == XMLStreamConstants.END_ELEMENT) {
                        break;
                    }
                    if (e == XMLStreamConstants.START_ELEMENT) {
                        ev.skipElement();
                    } else if (e == XMLStreamConstants.END_DOCUMENT) {
                        throw fail.violation("the document ended inside the BINARY element", null);
                    }
                }
            } catch (XMLStreamException e) {
                throw fail.xml(e);
            }
        }
        text = null;
    }

    /** Closes a fetched stream. */
    void close() {
        if (fetched != null) {
            fetched.close();
            fetched = null;
        }
    }

    /**
     * The gunzipped bytes of a STREAM. The inflater's failures become failures of the STREAM (not
     * of a column), placed at the compressed byte where the inflater stopped, and reads are kept
     * small, so that the rows inflated before a failure are read first and the one it spoils is
     * named. Deflate data carries its check (CRC-32) only at its end: damage may first show as
     * wrong values, or as a row that does not decode, and the message says so.
     */
    private static final class Gunzip extends GZIPInputStream {
        /** The most bytes inflated at once: the rows before a failure lose at most this many bytes. */
        private static final int MOST = 1024;
        /** The STREAM's text, to place a failure; null for fetched data. */
        private final Base64Text text;

        Gunzip(InputStream in, Base64Text text) throws IOException {
            super(in, 8192);
            this.text = text;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, Math.min(len, MOST));
            } catch (ZipException | java.io.EOFException e) {
                throw corrupt(e);
            }
        }

        private CellException corrupt(IOException e) {
            long at = text == null ? -1 : Math.max(0, text.handedOut() - inf.getRemaining() - 1);
            return new CellException("corrupt compressed data (" + e.getMessage() + ")"
                    + (at < 0 ? "" : ", found " + at + " bytes into it")
                    + "; gzip checks its data only at its end, so the rows read before may hold wrong values", true,
                    at < 0 ? null : text.placeOf(at));
        }
    }
}
