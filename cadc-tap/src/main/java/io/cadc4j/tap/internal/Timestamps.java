// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UWS and VOSI timestamps, read leniently and written strictly.
 *
 * <p>UWS 1.1 §2.2.1 asks for ISO-8601 in UTC, but servers write {@code 2018-01-01T00:00:00Z},
 * {@code 2020-04-17T08:10:22.793+0800} (CASDA, Gaia), {@code 2019-12-16T10:52:20} (no zone, read
 * as UTC per DALI 1.1 §3.3.3) or a bare date. Written timestamps ({@code AFTER},
 * {@code DESTRUCTION}) are UTC with milliseconds and {@code Z}.
 *
 * <p>Stateless and thread-safe.
 */
final class Timestamps {
    private static final Pattern OFFSET_HHMM = Pattern.compile("(.*T[0-9:.]+)([+-]\\d{2})(\\d{2})");
    private static final Pattern OFFSET_HH = Pattern.compile("(.*T[0-9:.]+)([+-]\\d{2})");
    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /**
     * Reads a timestamp.
     *
     * @param text the text, trimmed or not
     * @return the instant
     * @throws DateTimeParseException if the text is no ISO-8601 date or date-time
     */
    static Instant parse(String text) {
        String t = text.strip();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        Matcher m = OFFSET_HHMM.matcher(t);
        if (m.matches()) {
            t = m.group(1) + m.group(2) + ":" + m.group(3);
        } else {
            m = OFFSET_HH.matcher(t);
            if (m.matches()) {
                t = m.group(1) + m.group(2) + ":00";
            }
        }
        if (t.indexOf('T') < 0) {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (t.endsWith("Z") || t.endsWith("z") || hasOffset(t)) {
            return OffsetDateTime.parse(t.endsWith("z") ? t.substring(0, t.length() - 1) + "Z" : t,
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }
        return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
    }

    private static boolean hasOffset(String t) {
        int tee = t.indexOf('T');
        return t.indexOf('+', tee) > 0 || t.indexOf('-', tee) > 0;
    }

    /**
     * Writes an instant as UWS parameters expect it: UTC, milliseconds, {@code Z}.
     *
     * @param instant the instant
     * @return e.g. {@code 2024-01-01T00:00:00.000Z}
     */
    static String format(Instant instant) {
        return WRITE.format(instant);
    }
}
