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
}
