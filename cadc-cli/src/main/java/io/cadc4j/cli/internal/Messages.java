// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.CadcException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a failure into one line a shell user can act on: a server's HTML error page becomes its
 * title and first sentence, a VOTable or UWS error document its message, a refused connection
 * says so, a file error names the file and what went wrong, a duration is echoed as the user wrote
 * it, and no Java class or method name is left in the text.
 *
 * <p>Immutable and thread-safe.
 */
final class Messages {
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");
    private static final Pattern H1 = Pattern.compile("(?is)<h1[^>]*>(.*?)</h1>");
    private static final Pattern BODY = Pattern.compile("(?is)<body[^>]*>(.*)");
    private static final Pattern DROPPED = Pattern.compile("(?is)<(script|style|head|h1|title)[^>]*>.*?</\\1>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern INFO_ERROR = Pattern.compile(
            "(?is)<INFO[^>]*name\\s*=\\s*[\"']QUERY_STATUS[\"'][^>]*>(.*?)</INFO>");
    private static final Pattern UWS_MESSAGE = Pattern.compile("(?is)<(?:\\w+:)?message[^>]*>(.*?)</(?:\\w+:)?message>");
    private static final Pattern XML_DOCUMENT = Pattern.compile("(?s)(<\\?xml|<\\?xml-stylesheet|<VOTABLE|<(?:\\w+:)?job\\b).*");
    private static final Pattern HTML_DOCUMENT = Pattern.compile("(?is)(<!doctype html|<html).*");
    /** Java API names in parentheses, e.g. "(Coordinates.parseOrResolve)". */
    private static final Pattern API_NAME = Pattern.compile("\\s*\\((?:[a-z]\\w*\\.)*[A-Z]\\w*\\.[a-z]\\w*(?:\\(\\))?\\)");
    /** A sentence ends at a period, exclamation or question mark followed by a space (or the end). */
    private static final Pattern SENTENCE = Pattern.compile("(?s)^(.*?[.!?])(?:\\s|$)");

    private final String timeoutText;
    private final Duration timeout;

    /**
     * @param timeoutText the {@code --timeout} value as the user wrote it, or null
     * @param timeout that value read, or null
     */
    Messages(String timeoutText, Duration timeout) {
        this.timeoutText = timeoutText == null ? null : timeoutText.strip();
        this.timeout = timeout;
    }

    /**
     * The one line that reports a failure.
     *
     * @param e the failure
     * @return the line, without the {@code cadc: } prefix
     */
    String of(Throwable e) {
        String refused = connection(e);
        if (refused != null) {
            return refused;
        }
        FileSystemException file = e instanceof CadcCommand.OutputException ? null : find(e, FileSystemException.class);
        if (file != null) {
            return file(file);
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            Throwable c = e.getCause();
            m = c != null && c.getMessage() != null ? c.getMessage() : "unexpected failure";
        }
        return clean(m);
    }

    /**
     * Cleans a message: documents reduced, durations echoed, API names dropped, one line.
     *
     * @param message the text
     * @return the line
     */
    String clean(String message) {
        String m = message;
        Matcher xml = XML_DOCUMENT.matcher(m);
        if (xml.find()) {
            m = m.substring(0, xml.start()) + errorDocument(xml.group());
        }
        Matcher html = HTML_DOCUMENT.matcher(m);
        if (html.find()) {
            m = m.substring(0, html.start()) + htmlPage(html.group());
        }
        m = API_NAME.matcher(m).replaceAll("");
        if (timeout != null && timeoutText != null) {
            m = m.replace(timeout.toString(), timeoutText).replace(timeout.toMillis() + " ms", timeoutText);
        }
        return m.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** A VOTable error document's QUERY_STATUS text, a UWS error's message, else the text without tags. */
    static String errorDocument(String xml) {
        Matcher info = INFO_ERROR.matcher(xml);
        if (info.find() && !info.group(1).isBlank()) {
            return unescape(info.group(1)).strip();
        }
        Matcher message = UWS_MESSAGE.matcher(xml);
        if (message.find() && !message.group(1).isBlank()) {
            return unescape(message.group(1)).strip();
        }
        return unescape(TAG.matcher(xml.replaceAll("(?s)<\\?.*?\\?>", "")).replaceAll(" ")).replaceAll("\\s+", " ").strip();
    }

    /** An HTML page's title, and the first sentence of its text. */
    static String htmlPage(String html) {
        Matcher t = TITLE.matcher(html);
        String title = t.find() ? oneLine(unescape(TAG.matcher(t.group(1)).replaceAll(" "))) : "";
        if (title.isEmpty()) {
            Matcher h = H1.matcher(html);
            title = h.find() ? oneLine(unescape(TAG.matcher(h.group(1)).replaceAll(" "))) : "";
        }
        Matcher b = BODY.matcher(html);
        String body = b.find() ? b.group(1) : html;
        String text = oneLine(unescape(TAG.matcher(DROPPED.matcher(body).replaceAll(" ")).replaceAll(" ")));
        String sentence = firstSentence(text);
        if (title.isEmpty()) {
            return sentence;
        }
        return sentence.isEmpty() || title.contains(sentence) ? title : title + ": " + sentence;
    }

    static String firstSentence(String text) {
        Matcher s = SENTENCE.matcher(text.strip());
        return s.find() ? s.group(1) : text.strip();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    /** "connection refused: host:port" and the like, when the cause says so. */
    private static String connection(Throwable e) {
        URI uri = e instanceof CadcException ? ((CadcException) e).requestUri().orElse(null) : null;
        String where = uri == null ? "" : " (" + uri.getScheme() + "://" + uri.getHost()
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + ")";
        if (find(e, ConnectException.class) != null || String.valueOf(e.getMessage()).endsWith("ConnectException")) {
            return "connection refused" + where + ": no server is listening there";
        }
        if (find(e, NoRouteToHostException.class) != null) {
            return "no route to host" + where + ": check the network connection";
        }
        UnknownHostException unknown = find(e, UnknownHostException.class);
        if (unknown != null) {
            return "unknown host" + (uri == null ? " " + unknown.getMessage() : where)
                    + ": check the name, or the network connection";
        }
        return null;
    }

    private static String file(FileSystemException f) {
        String name = f.getFile();
        String what;
        if (f instanceof NoSuchFileException) {
            what = "no such file or directory";
        } else if (f instanceof AccessDeniedException) {
            what = "permission denied";
        } else if (f instanceof FileAlreadyExistsException) {
            what = "already exists";
        } else {
            what = f.getReason() == null ? "cannot be written" : f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return name + ": " + what;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
