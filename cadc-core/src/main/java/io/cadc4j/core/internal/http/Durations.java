// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.internal.http;

import java.time.Duration;
import java.util.Locale;

/** Durations and byte counts as people read them in messages. Stateless and thread-safe. */
public final class Durations {
    private Durations() {
    }

    /**
     * A duration in the largest unit that keeps it readable: {@code 250 ms}, {@code 9 s},
     * {@code 1.5 s}, {@code 2 min 5 s}.
     *
     * @param d the duration
     * @return the text
     */
    public static String text(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return ms % 1000 == 0 || ms >= 10_000 ? Math.round(ms / 1000.0) + " s"
                    : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = Math.round(ms / 1000.0);
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }

    /**
     * A count with thousands separators: {@code 24,925}.
     *
     * @param n the count
     * @return the text
     */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
