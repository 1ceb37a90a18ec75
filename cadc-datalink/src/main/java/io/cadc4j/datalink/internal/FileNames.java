// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.datalink.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * File names for downloads: read from {@code Content-Disposition} (RFC 6266, with RFC 5987
 * {@code filename*}), else from the URL's last path segment, and made safe. Stateless.
 *
 * <p>A server's name is untrusted input. {@link #sanitize} keeps only its last path segment and
 * replaces what a file system would read as structure ({@code / \ : * ? " < > |}), control
 * characters and a leading dot, so that a name can never address a file outside the target
 * directory nor hide itself; Windows device names get a prefix; the name is cut to 200 UTF-8
 * bytes, keeping its extension, so that {@code .part} suffixes still fit the usual 255-byte limit.
 */
final class FileNames {
    static final String FALLBACK = "download";
    private static final int MAX_BYTES = 200;
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3",
            "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7",
            "LPT8", "LPT9");

    private FileNames() {
    }

    /**
     * The file name a {@code Content-Disposition} value carries: {@code filename*} when present
     * and decodable (RFC 6266 §4.3 gives it precedence), else {@code filename}.
     */
    static Optional<String> fromContentDisposition(String header) {
        List<String[]> params = parameters(header);
        for (String[] p : params) {
            if (p[0].equals("filename*")) {
                Optional<String> decoded = decodeExtValue(p[1]);
                if (decoded.isPresent() && !decoded.get().isBlank()) {
                    return decoded;
                }
            }
        }
        for (String[] p : params) {
            if (p[0].equals("filename") && !p[1].isBlank()) {
                return Optional.of(p[1]);
            }
        }
        return Optional.empty();
    }

    /** The last non-empty segment of a URL's path, percent-decoded, or empty. */
    static Optional<String> fromUrl(URI uri) {
        String path = uri.getRawPath();
        if (path == null) {
            return Optional.empty();
        }
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty()) {
                try {
                    return Optional.of(percentDecode(segments[i], StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.of(segments[i]);
                }
            }
        }
        return Optional.empty();
    }

    /** Makes a name safe to resolve against a directory; never empty, never {@code .} or {@code ..}. */
    static String sanitize(String name) {
        String n = name;
        int cut = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (cut >= 0) {
            n = n.substring(cut + 1);
        }
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().forEach(cp -> {
            boolean bad = cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || ":*?\"<>|".indexOf(cp) >= 0
                    || Character.getType(cp) == Character.FORMAT;
            sb.appendCodePoint(bad ? '_' : cp);
        });
        String s = sb.toString().strip();
        // Windows drops trailing dots and spaces, which would make two names collide.
        while (s.endsWith(".") || s.endsWith(" ")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.startsWith(".")) {
            s = "_" + s.substring(1);
        }
        if (s.isEmpty()) {
            return FALLBACK;
        }
        int dot = s.indexOf('.');
        String stem = (dot < 0 ? s : s.substring(0, dot)).toUpperCase(Locale.ROOT);
        if (WINDOWS_DEVICES.contains(stem)) {
            s = "_" + s;
        }
        return truncate(s);
    }

    /** The name for a renamed copy: {@code a.fits} becomes {@code a-1.fits}, {@code a.tar.gz} {@code a-1.tar.gz}. */
    static String numbered(String name, int n) {
        int ext = extensionStart(name);
        return name.substring(0, ext) + "-" + n + name.substring(ext);
    }

    /** A name without its archive extension ({@code .tar}, {@code .tar.gz}, {@code .tgz}, {@code .zip}). */
    static String withoutArchiveExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".tar.gz", ".tar.bz2", ".tgz", ".tar", ".zip"}) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) {
                return name.substring(0, name.length() - ext.length());
            }
        }
        return name;
    }

    private static int extensionStart(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String twoPart : new String[] {".tar.gz", ".tar.bz2", ".fits.gz", ".fits.fz"}) {
            if (lower.endsWith(twoPart) && lower.length() > twoPart.length()) {
                return name.length() - twoPart.length();
            }
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? dot : name.length();
    }

    private static String truncate(String s) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
            return s;
        }
        int ext = extensionStart(s);
        String suffix = s.substring(ext);
        if (suffix.getBytes(StandardCharsets.UTF_8).length > 40) {
            suffix = "";
        }
        String stem = s.substring(0, ext);
        int budget = MAX_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > budget) {
                break;
            }
            sb.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        return sb + suffix;
    }

    /** Splits {@code type; a=b; c="d \" e"} into lower-cased names and unquoted values (RFC 6266 §4.1). */
    private static List<String[]> parameters(String header) {
        List<String[]> result = new ArrayList<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            i++;
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = header.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int j = eq + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            StringBuilder value = new StringBuilder();
            if (j < header.length() && header.charAt(j) == '"') {
                j++;
                while (j < header.length() && header.charAt(j) != '"') {
                    char c = header.charAt(j);
                    if (c == '\\' && j + 1 < header.length()) {
                        j++;
                        c = header.charAt(j);
                    }
                    value.append(c);
                    j++;
                }
                int next = header.indexOf(';', j);
                i = next;
            } else {
                int next = header.indexOf(';', j);
                value.append(next < 0 ? header.substring(j) : header.substring(j, next));
                i = next;
            }
            result.add(new String[] {name, value.toString().strip()});
        }
        return result;
    }

    /** RFC 5987 §3.2: {@code charset'[language]'pct-encoded}; UTF-8 and ISO-8859-1 are required. */
    private static Optional<String> decodeExtValue(String value) {
        int q1 = value.indexOf('\'');
        int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return Optional.empty();
        }
        String charset = value.substring(0, q1).strip().toUpperCase(Locale.ROOT);
        Charset cs;
        if (charset.equals("UTF-8")) {
            cs = StandardCharsets.UTF_8;
        } else if (charset.equals("ISO-8859-1")) {
            cs = StandardCharsets.ISO_8859_1;
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(percentDecode(value.substring(q2 + 1), cs));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String percentDecode(String s, Charset cs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad percent escape in " + s);
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '%') {
                throw new IllegalArgumentException("bad percent escape in " + s);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return new String(out.toByteArray(), cs);
    }
}
