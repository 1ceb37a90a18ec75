// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobInfoTest {

    private static ResultReference result(String id, String href) {
        return ResultReference.of(id, URI.create(href), "", -1);
    }

    @Test
    void findsTheMainResultByIdThenByPathThenAlone() {
        JobInfo byId = JobInfo.builder("1", ExecutionPhase.COMPLETED)
                .result(result("other", "http://h/async/1/results/other"))
                .result(result("result", "http://h/async/1/results/result")).build();
        assertThat(byId.mainResult().map(ResultReference::id)).contains("result");

        JobInfo byPath = JobInfo.builder("1", ExecutionPhase.COMPLETED)
                .result(result("a", "http://h/x"))
                .result(result("rows", "http://h/async/1/results/result")).build();
        assertThat(byPath.mainResult().map(ResultReference::id)).contains("rows");

        JobInfo alone = JobInfo.builder("1", ExecutionPhase.COMPLETED).result(result("table", "http://s/t")).build();
        assertThat(alone.mainResult().map(ResultReference::id)).contains("table");

        JobInfo many = JobInfo.builder("1", ExecutionPhase.COMPLETED)
                .result(result("a", "http://s/a")).result(result("b", "http://s/b")).build();
        assertThat(many.mainResult()).isEmpty();
    }

    @Test
    void readsParametersWithoutRegardToCase() {
        JobInfo j = JobInfo.builder("1", ExecutionPhase.PENDING)
                .parameter(JobParameter.of("QUERY", "SELECT 1", false))
                .parameter(JobParameter.of("maxrec", "", false)).build();

        assertThat(j.parameter("query")).contains("SELECT 1");
        assertThat(j.parameter("MAXREC")).isEmpty();
        assertThat(j.parameter("upload")).isEmpty();
    }

    @Test
    void keepsJobInfoInOrderAndEmptyOptionalsForAbsentFields() {
        JobInfo j = JobInfo.builder("1", ExecutionPhase.EXECUTING).jobInfo("b", "2").jobInfo("a", "1")
                .executionDuration(Duration.ZERO).startTime(Instant.EPOCH).build();

        assertThat(j.jobInfo().keySet()).containsExactly("b", "a");
        assertThat(j.executionDuration()).contains(Duration.ZERO);
        assertThat(j.endTime()).isEmpty();
        assertThat(j.errorSummary()).isEmpty();
        assertThat(j.version()).isEmpty();
        assertThat(j).isEqualTo(JobInfo.builder("1", ExecutionPhase.EXECUTING).jobInfo("b", "2").jobInfo("a", "1")
                .executionDuration(Duration.ZERO).startTime(Instant.EPOCH).build());
    }

    @Test
    void rejectsABlankIdAndANegativeDuration() {
        assertThatThrownBy(() -> JobInfo.builder(" ", ExecutionPhase.PENDING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobInfo.builder("1", ExecutionPhase.PENDING).executionDuration(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void carriesAnEmbeddedJobInAReference() {
        JobInfo j = JobInfo.builder("9", ExecutionPhase.ERROR).ownerId("anonymous").build();

        JobReference ref = JobReference.of(j, Optional.empty());

        assertThat(ref.id()).isEqualTo("9");
        assertThat(ref.phase()).contains(ExecutionPhase.ERROR);
        assertThat(ref.ownerId()).contains("anonymous");
        assertThat(ref.details()).contains(j);
        assertThat(ref.href()).isEmpty();
    }

    @Test
    void tellsActiveFromTerminalPhases() {
        assertThat(ExecutionPhase.parse(" executing ")).isEqualTo(ExecutionPhase.EXECUTING);
        assertThat(ExecutionPhase.HELD.isActive()).isTrue();
        assertThat(ExecutionPhase.ARCHIVED.isTerminal()).isTrue();
        assertThat(ExecutionPhase.UNKNOWN.isActive()).isFalse();
        assertThat(ExecutionPhase.UNKNOWN.isTerminal()).isFalse();
        assertThatThrownBy(() -> ExecutionPhase.parse("RUNNING")).isInstanceOf(IllegalArgumentException.class);
    }
}
