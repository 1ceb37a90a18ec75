// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error documents reduced to the line a person reads: an HTML page to its title and the first
 * sentence of its text, a VOTable error document to its {@code QUERY_STATUS} text, a UWS error
 * to its message. The one place cadc4j reads markup it did not ask for (the pipeline's status
 * errors, the command's messages, a download that got a page instead of FITS). Tolerant of any
 * text: never throws on malformed markup. Stateless and thread-safe.
 */
public final class ErrorText {
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern H1 = Pattern.compile("(?is)<h1[^>]*>(.*?)</h1>");
    private static final Pattern BODY = Pattern.compile("(?is)<body[^>]*>(.*)");
    private static final Pattern NOT_TEXT = Pattern.compile("(?is)<(script|style|head|h1|title)[^>]*>.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern QUERY_STATUS = Pattern.compile(
            "(?is)<(?:\\w+:)?INFO\\b([^>]*\\bname\\s*=\\s*[\"']QUERY_STATUS[\"'][^>]*)(?:/>|>(.*?)</(?:\\w+:)?INFO\\s*>)");
    private static final Pattern VALUE_ATTR = Pattern.compile("(?is)\\bvalue\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern UWS_MESSAGE = Pattern.compile("(?is)<(?:\\w+:)?message\\b[^>]*>(.*?)</(?:\\w+:)?message\\s*>");
    private static final Pattern MARKUP_NOISE = Pattern.compile("(?s)<\\?.*?\\?>|<!--.*?-->|<!\\[CDATA\\[|\\]\\]>|<!DOCTYPE[^>]*>");
    /** A sentence ends at a period, exclamation or question mark followed by a space or the end. */
    private static final Pattern SENTENCE = Pattern.compile("(?s)^(.*?[.!?])(?:\\s|$)");

    private ErrorText() {
    }

    /**
     * An HTML page as one line: its title (or first heading) and the first sentence of its text,
     * the one alone when it holds the other.
     *
     * @param html the page, or its start
     * @return the line; empty if the page has no text
     */
    public static String htmlPage(String html) {
        return htmlPage(html, true);
    }

    /**
     * An HTML page as one line: its title (or first heading) and all of its text. For pages whose
     * detail comes after a general first sentence (DaCHS's "We're sorry, but ... could not be
     * located. No plane with this publisherID ...").
     *
     * @param html the page, or its start
     * @return the line; empty if the page has no text
     */
    public static String htmlPageText(String html) {
        return htmlPage(html, false);
    }

    private static String htmlPage(String html, boolean firstSentenceOnly) {
        Matcher t = TITLE.matcher(html);
        String title = t.find() ? text(t.group(1)) : "";
        if (title.isEmpty()) {
            Matcher h = H1.matcher(html);
            title = h.find() ? text(h.group(1)) : "";
        }
        Matcher b = BODY.matcher(html);
        String body = b.find() ? b.group(1) : html;
        String all = text(NOT_TEXT.matcher(body).replaceAll(" "));
        String sentence = firstSentenceOnly ? firstSentence(all) : all;
        if (title.isEmpty() || sentence.contains(title)) {
            return sentence;
        }
        return sentence.isEmpty() || title.contains(sentence) ? title : title + ": " + sentence;
    }

    /**
     * An XML error document as one line: the text (or value) of a VOTable {@code QUERY_STATUS}
     * INFO that is not OK, else a UWS error's message, else the document's text without markup.
     *
     * @param xml the document, or its start
     * @return the line
     */
    public static String errorDocument(String xml) {
        Matcher q = QUERY_STATUS.matcher(xml);
        while (q.find()) {
            Matcher v = VALUE_ATTR.matcher(q.group(1));
            String value = v.find() ? v.group(1) : "";
            String content = q.group(2) == null ? "" : text(MARKUP_NOISE.matcher(q.group(2)).replaceAll(" "));
            if (!"OK".equalsIgnoreCase(value)) {
                return content.isEmpty() ? value : content;
            }
        }
        Matcher m = UWS_MESSAGE.matcher(xml);
        if (m.find() && !text(m.group(1)).isEmpty()) {
            return text(m.group(1));
        }
        return text(MARKUP_NOISE.matcher(xml).replaceAll(" "));
    }

    /**
     * Markup as plain text on one line: tags dropped, the common character references read,
     * white space collapsed.
     *
     * @param markup the markup
     * @return the text
     */
    public static String text(String markup) {
        return unescape(TAG.matcher(markup).replaceAll(" ")).replaceAll("\\s+", " ").strip();
    }

    /**
     * The text up to the end of its first sentence (all of it when no sentence ends).
     *
     * @param text the text
     * @return its first sentence
     */
    public static String firstSentence(String text) {
        Matcher s = SENTENCE.matcher(text.strip());
        return s.find() ? s.group(1) : text.strip();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&#160;", " ").replace("&amp;", "&");
    }
}
