// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollingBackoffTest {
    private static final Duration LONG = Duration.ofHours(1);

    @Test
    void growsGeometricallyUpToTheCapWithoutJitter() {
        PollingBackoff b = new PollingBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0, 0.0, () -> 0.5);

        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delays.add(b.next(LONG));
        }

        assertThat(delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void jittersWithinTheConfiguredBand() {
        PollingBackoff low = new PollingBackoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 1.0, 0.2, () -> 0.0);
        PollingBackoff high = new PollingBackoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 1.0, 0.2,
                () -> 0.999999);

        assertThat(low.next(LONG)).isEqualTo(Duration.ofSeconds(8));
        assertThat(high.next(LONG)).isBetween(Duration.ofMillis(11999), Duration.ofSeconds(12));
    }

    @Test
    void neverExceedsTheCapEvenWithJitter() {
        Random random = new Random(7);
        PollingBackoff b = PollingBackoff.defaults(random::nextDouble);

        for (int i = 0; i < 200; i++) {
            Duration d = b.next(LONG);
            assertThat(d).isPositive().isLessThanOrEqualTo(PollingBackoff.DEFAULT_MAX);
        }
    }

    @Test
    void neverWaitsPastTheDeadline() {
        PollingBackoff b = new PollingBackoff(Duration.ofSeconds(10), Duration.ofSeconds(30), 1.5, 0.0, () -> 0.0);

        assertThat(b.next(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(b.next(Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThat(b.next(Duration.ofSeconds(-1))).isEqualTo(Duration.ZERO);
    }

    @Test
    void startsOverOnReset() {
        PollingBackoff b = new PollingBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 3.0, 0.0, () -> 0.0);
        b.next(LONG);
        b.next(LONG);

        b.reset();

        assertThat(b.next(LONG)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rejectsBadSettingsAndABadRandomSource() {
        assertThatThrownBy(() -> new PollingBackoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollingBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollingBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, 0, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollingBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 1.0, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        PollingBackoff b = new PollingBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 0.1, () -> 1.5);
        assertThatThrownBy(() -> b.next(LONG)).isInstanceOf(IllegalStateException.class);
    }
}
