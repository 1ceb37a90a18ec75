// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TapQueryTest {

    @Test
    void leavesOptionalParametersUnsetUnlessGiven() {
        TapQuery q = TapQuery.of("SELECT 1");

        assertThat(q.maxRecords()).isEmpty();
        assertThat(q.responseFormat()).isEmpty();
        assertThat(q.runId()).isEmpty();
        assertThat(q.uploads()).isEmpty();
        assertThat(TapQuery.builder("SELECT 1").maxRecords(0).build().maxRecords()).hasValue(0);
    }

    @Test
    void keepsUploadsInOrderAndComparesByValue() {
        TableUpload a = TableUpload.ofFile("a", Path.of("a.xml"));
        TableUpload b = TableUpload.ofUrl("b", URI.create("https://h.test/b.xml"));
        TapQuery q1 = TapQuery.builder("SELECT 1").upload(a).upload(b).build();
        TapQuery q2 = TapQuery.builder("SELECT 1").upload(a).upload(b).build();

        assertThat(q1.uploads()).containsExactly(a, b);
        assertThat(q1).isEqualTo(q2).hasSameHashCodeAs(q2);
        assertThat(q1).isNotEqualTo(TapQuery.of("SELECT 1"));
    }

    @Test
    void rejectsMisuse() {
        assertThatThrownBy(() -> TapQuery.of("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TapQuery.builder("SELECT 1").maxRecords(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TapQuery.of(null)).isInstanceOf(NullPointerException.class).hasMessage("adql");
    }

    @Test
    void describesUploadsByKind() {
        TableUpload file = TableUpload.ofFile("t1", Path.of("t.xml"));
        TableUpload url = TableUpload.ofUrl("t2", URI.create("http://h.test/t.xml"));
        TableUpload writer = TableUpload.ofWriter("t3", out -> out.write(1), true);

        assertThat(file.isInline()).isTrue();
        assertThat(file.kind()).isEqualTo(TableUpload.Kind.FILE);
        assertThat(url.isInline()).isFalse();
        assertThat(url.url()).contains(URI.create("http://h.test/t.xml"));
        assertThat(writer.writer()).isPresent();
        assertThat(writer.isRepeatable()).isTrue();
        assertThat(writer.file()).isEmpty();
        assertThatThrownBy(() -> TableUpload.ofFile("TAP_UPLOAD.t", Path.of("t.xml")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ADQL identifier");
    }

    @Test
    void carriesItsModeAndSyncTimeoutThroughToBuilder() {
        TapQuery q = TapQuery.builder("SELECT 1").maxRecords(5).runId("r").responseFormat("votable")
                .upload(TableUpload.ofFile("a", Path.of("a.xml"))).build();
        assertThat(q.mode()).isEqualTo(TapQuery.Mode.SYNC);
        assertThat(q.syncTimeout()).isEmpty();

        TapQuery auto = q.toBuilder().mode(TapQuery.Mode.AUTO).syncTimeout(java.time.Duration.ofSeconds(2)).build();
        assertThat(auto.mode()).isEqualTo(TapQuery.Mode.AUTO);
        assertThat(auto.syncTimeout()).hasValue(java.time.Duration.ofSeconds(2));
        assertThat(auto.maxRecords()).hasValue(5);
        assertThat(auto.uploads()).isEqualTo(q.uploads());
        assertThat(auto).isNotEqualTo(q).hasToString("TapQuery[SELECT 1, MAXREC=5, AUTO]");
        assertThat(auto.toBuilder().mode(TapQuery.Mode.SYNC).syncTimeout(java.time.Duration.ofSeconds(2)).build())
                .isNotEqualTo(q).isEqualTo(q.toBuilder().syncTimeout(java.time.Duration.ofSeconds(2)).build());
        assertThat(q.toBuilder().build()).isEqualTo(q).hasSameHashCodeAs(q);
        assertThatThrownBy(() -> TapQuery.builder("SELECT 1").syncTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("syncTimeout must be positive");
        assertThatThrownBy(() -> TapQuery.builder("SELECT 1").mode(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void carriesItsJobTimeoutThroughToBuilder() {
        TapQuery q = TapQuery.builder("SELECT 1").mode(TapQuery.Mode.ASYNC).build();
        assertThat(q.jobTimeout()).isEmpty();
        TapQuery six = q.toBuilder().jobTimeout(java.time.Duration.ofHours(6)).build();
        assertThat(six.jobTimeout()).hasValue(java.time.Duration.ofHours(6));
        assertThat(six.toBuilder().build()).isEqualTo(six).hasSameHashCodeAs(six).isNotEqualTo(q);
        assertThat(six.toBuilder().mode(TapQuery.Mode.AUTO).build().jobTimeout()).hasValue(java.time.Duration.ofHours(6));
        assertThatThrownBy(() -> TapQuery.builder("SELECT 1").jobTimeout(java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jobTimeout must be positive");
        assertThatThrownBy(() -> TapQuery.builder("SELECT 1").jobTimeout(null)).isInstanceOf(NullPointerException.class);
    }
}
