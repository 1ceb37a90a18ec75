// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SemanticsTest {

    /** Each term of the vocabulary snapshot with its narrower terms, read from the desise JSON. */
    private static Map<String, List<String>> vocabulary() throws IOException {
        String json = new String(Fixtures.bytes("datalink/datalink-core-vocabulary.desise"), StandardCharsets.UTF_8);
        // The desise layout is flat and regular: "term": { ..., "narrower": [ "a", "b" ] }.
        Pattern term = Pattern.compile("\"([a-z-]+)\"\\s*:\\s*\\{[^{}]*?\"narrower\"\\s*:\\s*\\[([^\\]]*)\\]");
        Map<String, List<String>> result = new LinkedHashMap<>();
        Matcher m = term.matcher(json);
        while (m.find()) {
            List<String> narrower = new ArrayList<>();
            Matcher q = Pattern.compile("\"([^\"]+)\"").matcher(m.group(2));
            while (q.find()) {
                narrower.add(q.group(1));
            }
            result.put(m.group(1), narrower);
        }
        return result;
    }

    @Test
    void knowsEveryTermOfTheVocabularySnapshotWithItsNarrowerTerms() throws IOException {
        Map<String, List<String>> vocabulary = vocabulary();
        assertThat(vocabulary).hasSize(22).containsKeys("this", "cutout", "package", "detached-header");
        for (Map.Entry<String, List<String>> e : vocabulary.entrySet()) {
            Semantics s = Semantics.of("#" + e.getKey());
            assertThat(s.isVocabularyTerm()).as(e.getKey()).isTrue();
            assertThat(s.narrower().stream().map(Semantics::term).collect(Collectors.toSet())).as(e.getKey())
                    .containsExactlyInAnyOrderElementsOf(
                            e.getValue().stream().map(n -> "#" + n).collect(Collectors.toList()));
            for (String n : e.getValue()) {
                assertThat(Semantics.of("#" + n).isA(s)).as(n + " is a " + e.getKey()).isTrue();
                assertThat(s.isA(Semantics.of("#" + n))).as(e.getKey() + " is not a " + n).isFalse();
            }
        }
    }

    @Test
    void treatsFullVocabularyUriAndShortFormAsEqual() {
        Semantics full = Semantics.of(" http://www.ivoa.net/rdf/datalink/core#cutout\n");
        assertThat(full).isEqualTo(Semantics.CUTOUT).isSameAs(Semantics.CUTOUT);
        assertThat(full.hashCode()).isEqualTo(Semantics.of("#cutout").hashCode());
        assertThat(full.term()).isEqualTo("#cutout");
        assertThat(full.uri()).isEqualTo("http://www.ivoa.net/rdf/datalink/core#cutout");
        assertThat(Semantics.of(java.net.URI.create("http://www.ivoa.net/rdf/datalink/core#this")))
                .isEqualTo(Semantics.THIS);
    }

    @Test
    void readsCadcLegacyTermsAsTheirVocabularyTerms() {
        assertThat(Semantics.of("http://www.opencadc.org/caom2#pkg")).isEqualTo(Semantics.PACKAGE);
        assertThat(Semantics.of("http://www.openadc.org/caom2#thumbnail")).isEqualTo(Semantics.THUMBNAIL);
        assertThat(Semantics.of("http://www.openadc.org/caom2#thumbnail").isA(Semantics.PREVIEW)).isTrue();
    }

    @Test
    void keepsUnknownValuesAsGivenWithoutBroaderTerm() {
        Semantics own = Semantics.of("http://example.org/terms#spectrum-plot");
        assertThat(own.term()).isEqualTo("http://example.org/terms#spectrum-plot");
        assertThat(own.uri()).isEqualTo(own.term());
        assertThat(own.isVocabularyTerm()).isFalse();
        assertThat(own.broader()).isEmpty();
        assertThat(own.narrower()).isEmpty();
        assertThat(own).isEqualTo(Semantics.of("http://example.org/terms#spectrum-plot"));
        Semantics future = Semantics.of("#some-later-term");
        assertThat(future.isVocabularyTerm()).isFalse();
        assertThat(future.uri()).isEqualTo("http://www.ivoa.net/rdf/datalink/core#some-later-term");
    }

    @Test
    void rejectsBlankText() {
        assertThatThrownBy(() -> Semantics.of("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> Semantics.of((String) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void filtersDataOnlyAuxiliariesAndCutouts() {
        List<Semantics> rows = List.of(Semantics.THIS, Semantics.AUXILIARY, Semantics.WEIGHT, Semantics.PREVIEW,
                Semantics.of("http://www.opencadc.org/caom2#pkg"), Semantics.PACKAGE, Semantics.CUTOUT, Semantics.PROC,
                Semantics.of("http://example.org/own"));
        assertThat(rows.stream().filter(SemanticsFilter.DATA_ONLY)).containsExactly(Semantics.THIS);
        assertThat(rows.stream().filter(SemanticsFilter.WITH_AUXILIARIES)).containsExactly(Semantics.THIS,
                Semantics.AUXILIARY, Semantics.WEIGHT, Semantics.PREVIEW, Semantics.CUTOUT, Semantics.PROC,
                Semantics.of("http://example.org/own"));
        assertThat(rows.stream().filter(SemanticsFilter.CUTOUTS)).containsExactly(Semantics.CUTOUT);
        DataLink link = DataLink.of("ivo://cadc.nrc.ca/CFHT?1/1p", null, "soda", null, Semantics.CUTOUT, null);
        assertThat(SemanticsFilter.CUTOUTS.accepts(link)).isTrue();
        assertThat(SemanticsFilter.DATA_ONLY.accepts(link)).isFalse();
    }
}
