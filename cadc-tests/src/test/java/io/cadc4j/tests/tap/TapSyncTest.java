// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.AuthorizationException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.ServiceException;
import io.cadc4j.core.internal.http.FormBody;
import io.cadc4j.core.spi.Provider;
import io.cadc4j.core.spi.Providers;
import io.cadc4j.core.internal.port.TapPortProvider;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.core.table.XtypeValue;
import io.cadc4j.core.tap.TapQuery;
import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TapSyncTest {
    private final TapSetup setup = new TapSetup();

    @AfterEach
    void stop() {
        setup.close();
    }

    @Test
    void providerIsDiscoveredAsTheBuiltInHttpPort() {
        TapPortProvider provider = Providers.select(TapPortProvider.class);

        assertThat(provider.name()).isEqualTo("http");
        assertThat(provider.priority()).isEqualTo(Provider.BUILT_IN_PRIORITY);
        assertThat(setup.tap.endpoints().base()).isEqualTo(setup.service.base());
    }

    @Test
    void streamsTheRowsOfASyncQueryRunOnceAfterTheRedirect() {
        List<String> ids = new ArrayList<>();
        try (RowCursor rows = setup.tap.query(TapQuery.of("select * from caom2.Plane"))) {
            int id = rows.columnIndex("publisherID");
            int ra = rows.columnIndex("ra");
            int release = rows.columnIndex("dataRelease");
            int bounds = rows.columnIndex("position_bounds");
            int energy = rows.columnIndex("energy_bounds_lower");
            while (rows.next()) {
                ids.add(rows.getString(id));
                if (rows.rowNumber() == 0) {
                    assertThat(rows.getDouble(ra)).isEqualTo(131.28);
                    assertThat(rows.getTimestamp(release)).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
                    assertThat(rows.getShape(bounds, XtypeValue.Kind.POLYGON).size()).isEqualTo(8);
                }
                if (rows.rowNumber() == 1) {
                    assertThat(rows.isNull(energy)).isTrue();
                }
            }
            assertThat(rows.isOverflow()).isFalse();
        }

        assertThat(ids).hasSize(TapStandIn.PLANES.size()).first().isEqualTo(TapStandIn.PLANES.get(0).get(0));
        assertThat(setup.service.executions()).isEqualTo(1);
        RecordedRequest post = setup.service.server().requests("/tap/sync").get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.bodyText()).contains("REQUEST=doQuery").contains("LANG=ADQL").doesNotContain("MAXREC");
    }

    @Test
    void sendsMaxrecWhenSetAndShowsTheOverflow() {
        try (RowCursor rows = setup.tap.query(TapQuery.builder("select * from caom2.Plane").maxRecords(3).build())) {
            int n = 0;
            while (rows.next()) {
                n++;
            }
            assertThat(n).isEqualTo(3);
            assertThat(rows.isOverflow()).isTrue();
        }
        String body = setup.service.server().requests("/tap/sync").get(0).bodyText();
        assertThat(FormBody.builder().add("MAXREC", "3").build().encoded()).isIn(List.of(body.split("&")));
    }

    @Test
    void votableErrorUnderHttp200IsAQueryException() {
        assertThatThrownBy(() -> setup.tap.query(TapQuery.of("select * from fault.error_200")))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("Could not parse your query")
                .satisfies(e -> assertThat(((QueryException) e).requestUri()).hasValueSatisfying(
                        u -> assertThat(u.getPath()).startsWith("/tap/sync/")));
    }

    @Test
    void votableErrorUnderHttp400IsAQueryExceptionWithTheServersText() {
        assertThatThrownBy(() -> setup.tap.query(TapQuery.of("select * from fault.error_400")))
                .isInstanceOf(QueryException.class)
                .satisfies(e -> assertThat(((QueryException) e).serverMessage())
                        .isEqualTo("IllegalArgumentException: column not found: nosuchcol (stand-in fault)"));
    }

    @Test
    void plainTextUnderHttp400IsAQueryException() {
        assertThatThrownBy(() -> setup.tap.query(TapQuery.of("select * from fault.text_400")))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("bad MAXREC value");
    }

    @Test
    void plainTextUnderHttp200IsAQueryException() {
        assertThatThrownBy(() -> setup.tap.query(TapQuery.of("select * from fault.text_200")))
                .isInstanceOf(QueryException.class)
                .hasMessageContaining("query failed: table not found");
    }

    @Test
    void htmlPageUnderHttp500IsAServiceExceptionWithoutMarkup() {
        assertThatThrownBy(() -> setup.tap.query(TapQuery.of("select * from fault.html_500")))
                .isExactlyInstanceOf(ServiceException.class)
                .hasMessageContaining("the database went away")
                .hasMessageNotContaining("<p>")
                .satisfies(e -> assertThat(((ServiceException) e).status()).isEqualTo(500));
    }

    @Test
    void htmlPageUnderHttp200IsAProtocolViolation() {
        assertThatThrownBy(() -> setup.tap.query(TapQuery.of("select * from fault.html_200")))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("HTML")
                .hasMessageContaining("Please log in");
    }

    @Test
    void unavailableServiceCarriesRetryAfter() {
        assertThatThrownBy(() -> setup.tap.query(TapQuery.of("select * from fault.unavailable")))
                .isInstanceOf(ServiceException.class)
                .satisfies(e -> {
                    ServiceException s = (ServiceException) e;
                    assertThat(s.status()).isEqualTo(503);
                    assertThat(s.retryAfter()).contains(Duration.ofSeconds(3));
                    assertThat(s.isTransient()).isTrue();
                });
    }

    @Test
    void forbiddenAndUnauthorizedAreTheirOwnExceptions() {
        assertThatThrownBy(() -> setup.tap.query(TapQuery.of("select * from fault.forbidden")))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> setup.tap.query(TapQuery.of("select * from fault.unauthorized")))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void resultCutOffMidRowsIsAProtocolViolationNotAShortResult() {
        assertThatThrownBy(() -> {
            try (RowCursor rows = setup.tap.query(TapQuery.of("select * from fault.truncated"))) {
                while (rows.next()) {
                    rows.getString(0);
                }
            }
        }).isInstanceOf(io.cadc4j.core.CadcException.class).isNotInstanceOf(QueryException.class);
    }

    @Test
    void errorAfterTheRowsIsRaisedByTheLastNext() {
        try (RowCursor rows = setup.tap.query(TapQuery.of("select * from caom2.Plane fault.error_after_rows"))) {
            assertThatThrownBy(() -> {
                while (rows.next()) {
                    rows.getString(0);
                }
            }).isInstanceOf(QueryException.class).hasMessageContaining("timed out after the rows");
        }
    }

    @Test
    void refusesANonVotableResponseFormatForRows() {
        assertThatThrownBy(() -> setup.tap.query(TapQuery.builder("select 1").responseFormat("csv").build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("csv");
        assertThat(setup.service.server().requests()).isEmpty();
    }

    @Test
    void availabilityIsRead() {
        assertThat(setup.tap.availability().isAvailable()).isTrue();
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
