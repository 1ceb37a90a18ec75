// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.cli.internal;

import io.cadc4j.core.CadcException;
import io.cadc4j.core.internal.http.ErrorText;
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
    private static final Pattern XML_DOCUMENT = Pattern.compile("(?s)(<\\?xml|<\\?xml-stylesheet|<VOTABLE|<(?:\\w+:)?job\\b).*");
    private static final Pattern HTML_DOCUMENT = Pattern.compile("(?is)(<!doctype html|<html).*");
    /** Java API names in parentheses, e.g. "(Coordinates.parseOrResolve)". */
    private static final Pattern API_NAME = Pattern.compile("\\s*\\((?:[a-z]\\w*\\.)*[A-Z]\\w*\\.[a-z]\\w*(?:\\(\\))?\\)");

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
        return ErrorText.errorDocument(xml);
    }

    /** An HTML page's title, and the first sentence of its text. */
    static String htmlPage(String html) {
        return ErrorText.htmlPage(html);
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
