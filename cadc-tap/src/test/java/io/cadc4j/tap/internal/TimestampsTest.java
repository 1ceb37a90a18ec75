// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource({
        "2018-01-01T02:00:00Z, 2018-01-01T02:00:00Z",
        "2018-01-01T02:00:00.123Z, 2018-01-01T02:00:00.123Z",
        "2020-04-17T08:10:22.793+0800, 2020-04-17T00:10:22.793Z",
        "2016-11-17T13:33:50.755+01:00, 2016-11-17T12:33:50.755Z",
        "2016-11-17T13:33:50-05, 2016-11-17T18:33:50Z",
        "2019-12-16T10:52:20, 2019-12-16T10:52:20Z",
        "2019-12-16T10:52, 2019-12-16T10:52:00Z",
        "2019-12-16 10:52:20, 2019-12-16T10:52:20Z",
        "  2019-12-16  , 2019-12-16T00:00:00Z",
        "2022-04-07T11:11:40.006z, 2022-04-07T11:11:40.006Z"
    })
    void readsTheTimestampShapesServersWrite(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2000-00-00T00:00:00Z", "2019-12-16T25:00:00"})
    void rejectsWhatIsNoTimestamp(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void writesUtcWithMilliseconds() {
        assertThat(Timestamps.format(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(Timestamps.format(Instant.parse("2024-01-01T00:00:00.123456Z"))).isEqualTo("2024-01-01T00:00:00.123Z");
    }
}
