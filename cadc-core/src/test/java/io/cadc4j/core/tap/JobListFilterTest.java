// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobListFilterTest {

    @Test
    void holdsPhasesInPhaseOrderWithoutRepeats() {
        JobListFilter f = JobListFilter.builder()
                .phases(ExecutionPhase.ERROR, ExecutionPhase.PENDING, ExecutionPhase.ERROR).build();

        assertThat(f.phases()).containsExactly(ExecutionPhase.PENDING, ExecutionPhase.ERROR);
        assertThat(f.after()).isEmpty();
        assertThat(f.last()).isEmpty();
    }

    @Test
    void comparesByValue() {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        JobListFilter a = JobListFilter.builder().after(t).last(3).build();
        JobListFilter b = JobListFilter.builder().last(3).after(t).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.last()).hasValue(3);
        assertThat(JobListFilter.all().phases()).isEmpty();
    }

    @Test
    void asksForShortDescriptionsUnlessToldOtherwise() {
        JobListFilter full = JobListFilter.builder().fullDescriptions(true).build();

        assertThat(JobListFilter.all().fullDescriptions()).isFalse();
        assertThat(full.fullDescriptions()).isTrue();
        assertThat(full).isNotEqualTo(JobListFilter.all());
        assertThat(full.toString()).contains("full");
    }
}
