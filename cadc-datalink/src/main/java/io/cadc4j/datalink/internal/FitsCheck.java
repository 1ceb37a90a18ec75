// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.datalink.FitsCard;
import io.cadc4j.core.datalink.FitsHeader;
import io.cadc4j.core.internal.http.ErrorText;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The minimal check that a downloaded body is FITS, without a FITS library (FITS 4.0 §3–4): the
 * file is made of 2880-byte blocks, its first card is {@code SIMPLE  =  T}, and its primary header
 * is 80-character ASCII cards up to {@code END}. The header is returned for typed reads.
 *
 * <p>Services that fail often answer with an HTML page or a VOTable error document, sometimes with
 * status 200 and under a {@code .fits} name; such a body is reported as a
 * {@link ServiceException} carrying the page's readable text, never as a corrupt FITS file.
 * Stateless.
 */
final class FitsCheck {
    static final int BLOCK = 2880;
    /** A primary header longer than this (about 2.8 MB, 36,000 cards) is not believed. */
    static final int MAX_HEADER_BLOCKS = 1000;
    private static final int SNIPPET_BYTES = 8192;
    private static final int MESSAGE_CHARS = 600;

    private static final Pattern ERROR_INFO = Pattern.compile(
            "(?is)<INFO[^>]*name\\s*=\\s*[\"']QUERY_STATUS[\"'][^>]*value\\s*=\\s*[\"']ERROR[\"'][^>]*>(.*?)</INFO>");
    private static final Pattern ERROR_INFO_REVERSED = Pattern.compile(
            "(?is)<INFO[^>]*value\\s*=\\s*[\"']ERROR[\"'][^>]*name\\s*=\\s*[\"']QUERY_STATUS[\"'][^>]*>(.*?)</INFO>");

    private FitsCheck() {
    }

    /**
     * Checks a complete file: its header, and (unless gzip-compressed) that its size is a whole
     * number of blocks.
     */
    static FitsHeader checkFile(Path file, URI uri, int status) throws IOException {
        FitsHeader header;
        boolean gzip;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            gzip = isGzip(raw);
            header = readHeader(gzip ? new GZIPInputStream(raw) : raw, uri, status);
        }
        long size = Files.size(file);
        if (!gzip && size % BLOCK != 0) {
            throw new ProtocolViolationException("the FITS file from " + uri + " has " + size
                    + " bytes, not a whole number of 2880-byte blocks; it is truncated or damaged", uri, null);
        }
        return header;
    }

    /** Reads the primary header from the start of a stream (gzip-compressed or not). */
    static FitsHeader readHeader(InputStream in, URI uri, int status) throws IOException {
        InputStream source = in.markSupported() ? in : new BufferedInputStream(in);
        if (isGzip(source)) {
            source = new GZIPInputStream(source);
        }
        byte[] block = source.readNBytes(BLOCK);
        if (block.length < 9 || !new String(block, 0, 9, StandardCharsets.US_ASCII).equals("SIMPLE  =")) {
            throw notFits(block, source, uri, status);
        }
        List<FitsCard> cards = new ArrayList<>();
        for (int blocks = 1; ; blocks++) {
            if (block.length < BLOCK) {
                throw new ProtocolViolationException("the FITS header from " + uri + " ends after " + (blocks - 1)
                        * BLOCK + block.length + " bytes, inside a 2880-byte block and before its END card", uri, null);
            }
            for (int off = 0; off < BLOCK; off += FitsCard.LENGTH) {
                int cardNo = cards.size() + 1;
                for (int i = off; i < off + FitsCard.LENGTH; i++) {
                    if (block[i] < 0x20 || block[i] > 0x7e) {
                        throw new ProtocolViolationException("card " + cardNo + " of the FITS header from " + uri
                                + " holds a byte that is not printable ASCII (0x"
                                + Integer.toHexString(block[i] & 0xff) + ")", uri, null);
                    }
                }
                String text = new String(block, off, FitsCard.LENGTH, StandardCharsets.US_ASCII);
                FitsCard card;
                try {
                    card = FitsCard.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new ProtocolViolationException("card " + cardNo + " of the FITS header from " + uri
                            + " is malformed: " + e.getMessage(), uri, e);
                }
                if (cards.isEmpty()) {
                    checkSimple(card, uri);
                }
                if (card.keyword().equals("END") && !card.hasValue()) {
                    return FitsHeader.of(cards);
                }
                cards.add(card);
            }
            if (blocks >= MAX_HEADER_BLOCKS) {
                throw new ProtocolViolationException("the FITS header from " + uri + " has no END card in its first "
                        + MAX_HEADER_BLOCKS + " blocks", uri, null);
            }
            block = source.readNBytes(BLOCK);
        }
    }

    private static void checkSimple(FitsCard card, URI uri) {
        boolean simple;
        try {
            simple = card.booleanValue();
        } catch (IllegalStateException e) {
            throw new ProtocolViolationException("the first FITS card from " + uri + " is '" + card
                    + "'; SIMPLE must be T or F", uri, e);
        }
        if (!simple) {
            throw new ProtocolViolationException("the FITS file from " + uri
                    + " says SIMPLE = F: it does not conform to the FITS standard", uri, null);
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    /** Explains a body that is not FITS: an error page in disguise, or something else. */
    private static RuntimeException notFits(byte[] start, InputStream rest, URI uri, int status) throws IOException {
        byte[] more = rest.readNBytes(Math.max(0, SNIPPET_BYTES - start.length));
        byte[] all = new byte[start.length + more.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(more, 0, all, start.length, more.length);
        String text = new String(all, StandardCharsets.UTF_8);
        String head = text.stripLeading();
        if (head.startsWith("\ufeff")) {
            head = head.substring(1).stripLeading();
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<")) {
            if (lower.contains("<votable")) {
                Matcher m = ERROR_INFO.matcher(text);
                boolean found = m.find();
                if (!found) {
                    m = ERROR_INFO_REVERSED.matcher(text);
                    found = m.find();
                }
                String message = found ? readable(m.group(1)) : readable(text);
                return new ServiceException(status, "a VOTable error document instead of FITS: " + message, uri, null,
                        null);
            }
            if (lower.contains("<html") || lower.startsWith("<!doctype html")) {
                String message = ErrorText.htmlPageText(text);
                return new ServiceException(status, "an HTML page instead of FITS: " + clip(message), uri, null, null);
            }
            return new ServiceException(status, "an XML document instead of FITS: " + clip(readable(text)), uri, null,
                    null);
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < Math.min(all.length, 40); i++) {
            int b = all[i] & 0xff;
            shown.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        return new ProtocolViolationException("the body from " + uri + " is not FITS: it starts '" + shown
                + "' where a FITS file starts 'SIMPLE  ='" + (all.length == 0 ? " (the body is empty)" : ""), uri, null);
    }

    private static String readable(String markup) {
        return clip(ErrorText.text(markup));
    }

    private static String clip(String text) {
        return text.length() > MESSAGE_CHARS ? text.substring(0, MESSAGE_CHARS) + "..." : text;
    }
}
