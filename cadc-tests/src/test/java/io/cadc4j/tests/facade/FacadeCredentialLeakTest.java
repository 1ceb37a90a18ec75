// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.AuthenticationException;
import io.cadc4j.core.Cadc;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.core.datalink.LinkSet;
import io.cadc4j.core.table.RowCursor;
import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.Reply;
import io.cadc4j.tests.server.Responders;
import io.cadc4j.tests.server.StandInServer;
import io.cadc4j.tests.server.datalink.DataLinkStandIn;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's leak tests through the facade: with the stand-in TAP and DataLink services on
 * {@code 127.0.0.1} (the realm) and the same server addressed as {@code localhost} (outside it),
 * the CADC_SSO cookie from {@code login(user, password)} goes to the realm's hosts only, a
 * redirect out of the realm drops it, {@code logout()} stops it, and neither the password nor the
 * token appears in a message, a {@code toString()} or a log line of {@code io.cadc4j}.
 */
class FacadeCredentialLeakTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "pw-Kq93-never-shown";
    private static final String TOKEN = "tok-Zx71-secret-cookie-value";
    private static final String ID = "ivo://cadc.nrc.ca/CFHT?1000001/1000001p";

    @TempDir
    Path dir;

    private TapStandIn tap;
    private StandInServer server;
    private DataLinkStandIn dataLink;
    private final LogCapture log = new LogCapture();

    @BeforeEach
    void start() {
        tap = TapStandIn.start();
        server = tap.server();
        dataLink = DataLinkStandIn.on(server).install();
        server.route("POST", "/ac/login", ex -> {
            String form = ex.request().bodyText();
            if (form.contains("password=" + PASSWORD)) {
                Reply.ok().text(TOKEN).respond(ex);
            } else {
                Reply.status(401).text("bad user or password").respond(ex);
            }
        });
        // a file that moved out of the realm: 127.0.0.1 sends the client to localhost
        server.route("GET", "/moved/file.fits", Responders.redirect(302,
                server.localhostUri(DataLinkStandIn.FILES_PATH + "moved.fits").toString()));
        log.attach();
    }

    @AfterEach
    void stop() {
        log.detach();
        if (tap != null) {
            tap.close();
        }
    }

    private Cadc facade(URI linksUrl) {
        AuthSettings realm = AuthSettings.builder()
                .realm(Realm.builder().host("127.0.0.1").httpAllowed(true).build()).httpLoginAllowed(true).build();
        return Cadc.builder().tap(ServiceLocation.at(tap.base())).dataLink(ServiceLocation.at(linksUrl))
                .login(ServiceLocation.at(server.uri("/ac/login")))
                .authSettings(realm).build();
    }

    private static void drain(RowCursor rows) {
        try (RowCursor r = rows) {
            while (r.next()) {
                r.snapshot();
            }
        }
    }

    private List<RecordedRequest> since(int from) {
        List<RecordedRequest> all = server.requests();
        return all.subList(from, all.size());
    }

    private static boolean hasCookie(RecordedRequest r) {
        return r.headers().allValues("Cookie").stream().anyMatch(c -> c.contains(TOKEN));
    }

    private static boolean carriesAnyCredential(RecordedRequest r) {
        return r.headers().contains("Cookie") || r.headers().contains("Authorization");
    }

    private static boolean isOutside(RecordedRequest r) {
        return "localhost".equalsIgnoreCase(r.headers().firstValue("Host").orElse("").replaceAll(":\\d+$", ""));
    }

    @Test
    void cookieGoesToTheRealmsTapAndDataLinkAndNotThroughARedirectOutOfIt() {
        try (Cadc cadc = facade(dataLink.linksUrl())) {
            cadc.login(USER, PASSWORD.toCharArray());
            int from = server.requests().size();
            drain(cadc.execSync("select * from caom2.Plane"));
            LinkSet links = cadc.getDataUrls(List.of(ID), false);
            assertThat(links.links()).hasSize(1);
            List<DownloadOutcome> got = cadc.download(List.of(server.uri("/moved/file.fits")), dir);
            assertThat(got).allSatisfy(o -> assertThat(o.failure()).isEmpty());

            List<RecordedRequest> sent = since(from);
            List<RecordedRequest> inside = new ArrayList<>();
            List<RecordedRequest> outside = new ArrayList<>();
            // VOSI capabilities are read anonymously by the resolver; every service call carries the cookie
            sent.stream().filter(r -> !r.path().endsWith("/capabilities"))
                    .forEach(r -> (isOutside(r) ? outside : inside).add(r));
            assertThat(sent).filteredOn(r -> r.path().endsWith("/capabilities"))
                    .noneSatisfy(r -> assertThat(carriesAnyCredential(r)).isTrue());
            assertThat(inside).extracting(RecordedRequest::path)
                    .contains("/tap/sync", DataLinkStandIn.LINKS_PATH, "/moved/file.fits");
            assertThat(inside).allSatisfy(r -> assertThat(hasCookie(r)).as("cookie on %s", r.uri()).isTrue());
            assertThat(inside).allSatisfy(r -> assertThat(r.headers().firstValue("Cookie"))
                    .hasValue("CADC_SSO=\"" + TOKEN + "\""));
            assertThat(outside).extracting(RecordedRequest::path)
                    .containsExactly(DataLinkStandIn.FILES_PATH + "moved.fits");
            assertThat(outside).noneSatisfy(r -> assertThat(carriesAnyCredential(r)).isTrue());
        }
    }

    @Test
    void dataLinkServiceOutsideTheRealmNeverGetsTheCookie() {
        try (Cadc cadc = facade(server.localhostUri(DataLinkStandIn.LINKS_PATH))) {
            cadc.login(USER, PASSWORD.toCharArray());
            int from = server.requests().size();
            drain(cadc.execSync("select * from caom2.Plane"));
            assertThat(cadc.getDataUrls(List.of(ID), true).links()).isNotEmpty();
            List<RecordedRequest> sent = since(from);
            assertThat(sent).filteredOn(FacadeCredentialLeakTest::isOutside).isNotEmpty()
                    .noneSatisfy(r -> assertThat(carriesAnyCredential(r)).isTrue());
            assertThat(sent).filteredOn(r -> !isOutside(r) && !r.path().endsWith("/capabilities")).isNotEmpty()
                    .allSatisfy(r -> assertThat(hasCookie(r)).isTrue());
        }
    }

    @Test
    void afterLogoutNothingIsSent() {
        try (Cadc cadc = facade(dataLink.linksUrl())) {
            cadc.login(USER, PASSWORD.toCharArray());
            drain(cadc.execSync("select * from caom2.Plane"));
            cadc.logout();
            assertThat(cadc.isAnonymous()).isTrue();
            int from = server.requests().size();
            drain(cadc.execSync("select * from caom2.Plane"));
            cadc.getDataUrls(List.of(ID), false);
            cadc.download(List.of(server.uri(DataLinkStandIn.FILES_PATH + "a.fits")), dir);
            assertThat(since(from)).hasSizeGreaterThanOrEqualTo(3)
                    .noneSatisfy(r -> assertThat(carriesAnyCredential(r)).isTrue());
        }
    }

    @Test
    void secretsAppearInNoMessageToStringOrLogLine() {
        List<String> texts = new ArrayList<>();
        try (Cadc cadc = facade(dataLink.linksUrl())) {
            assertThatThrownBy(() -> cadc.login(USER, "wrong-Pw-77".toCharArray()))
                    .isInstanceOf(AuthenticationException.class)
                    .satisfies(e -> texts.add(String.valueOf(e)));
            cadc.login(USER, PASSWORD.toCharArray());
            texts.add(cadc.toString());
            drain(cadc.execSync("select * from caom2.Plane"));
            texts.add(cadc.getDataUrls(List.of(ID, "ivo://cadc.nrc.ca/CFHT?unknown/x"), true).toString());
            List<DownloadOutcome> got = cadc.download(List.of(server.uri("/moved/file.fits"),
                    server.uri("/nowhere/missing.fits")), dir);
            got.forEach(o -> {
                texts.add(o.toString());
                o.failure().ifPresent(f -> texts.add(String.valueOf(f)));
            });
            assertThatThrownBy(() -> cadc.loadAsyncJob("no-such-job")).satisfies(e -> texts.add(String.valueOf(e)));
            cadc.logout();
            texts.add(cadc.toString());
        }
        assertThat(log.lines()).as("the library logged something at some level").isNotEmpty();
        texts.addAll(log.lines());
        assertThat(texts).noneSatisfy(t -> assertThat(t).containsAnyOf(PASSWORD, TOKEN, "wrong-Pw-77",
                new String(java.util.Base64.getEncoder().encode((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.US_ASCII)));
    }
}
