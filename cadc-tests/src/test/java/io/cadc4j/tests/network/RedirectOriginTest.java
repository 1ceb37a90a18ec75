// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.cadc4j.core.Cadc;
import io.cadc4j.core.ServiceLocation;
import io.cadc4j.core.auth.AuthSettings;
import io.cadc4j.core.auth.Realm;
import io.cadc4j.core.datalink.DownloadOutcome;
import io.cadc4j.tests.server.RecordedRequest;
import io.cadc4j.tests.server.Reply;
import io.cadc4j.tests.server.Responders;
import io.cadc4j.tests.server.StandInServer;
import io.cadc4j.tests.server.datalink.DataLinkStandIn;
import io.cadc4j.tests.server.tap.TapStandIn;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23 item 3: a login cookie follows a redirect only within its origin (scheme, host and
 * port), or to an origin its realm names explicitly. Two stand-in servers on {@code 127.0.0.1}
 * (two ports), the second also addressed as {@code localhost}; the first redirects its files to
 * the second.
 */
class RedirectOriginTest {
    private static final String TOKEN = "tok-redirect-9ffa";

    @TempDir
    Path dir;

    private TapStandIn tap;
    private StandInServer first;
    private StandInServer second;

    @BeforeEach
    void start() {
        tap = TapStandIn.start();
        first = tap.server();
        DataLinkStandIn.on(first).install();
        second = StandInServer.start();
        DataLinkStandIn.on(second).install();
        first.route("POST", "/ac/login", ex -> Reply.ok().text(TOKEN).respond(ex));
        first.route("GET", "/same/port", Responders.redirect(302, first.uri(DataLinkStandIn.FILES_PATH + "a.fits")
                .toString()));
        first.route("GET", "/other/port", Responders.redirect(302, second.uri(DataLinkStandIn.FILES_PATH + "b.fits")
                .toString()));
        first.route("GET", "/other/host", Responders.redirect(302,
                second.localhostUri(DataLinkStandIn.FILES_PATH + "c.fits").toString()));
    }

    @AfterEach
    void stop() {
        tap.close();
        second.close();
    }

    private List<DownloadOutcome> download(UnaryOperator<Realm.Builder> realm, String path) {
        AuthSettings auth = AuthSettings.builder().realm(realm.apply(Realm.builder().host("127.0.0.1")
                .httpAllowed(true)).build()).httpLoginAllowed(true).build();
        try (Cadc cadc = Cadc.builder().tap(ServiceLocation.at(tap.base()))
                .dataLink(ServiceLocation.at(first.uri(DataLinkStandIn.LINKS_PATH)))
                .login(ServiceLocation.at(first.uri("/ac/login"))).authSettings(auth)
                .build()) {
            cadc.login("alice", "pw".toCharArray());
            List<DownloadOutcome> got = cadc.download(List.of(first.uri(path)), dir);
            assertThat(got).allSatisfy(o -> assertThat(o.failure()).isEmpty());
            return got;
        }
    }

    private static boolean cookie(RecordedRequest r) {
        return r.headers().allValues("Cookie").stream().anyMatch(c -> c.contains(TOKEN));
    }

    private static List<RecordedRequest> files(StandInServer s) {
        return s.requests().stream().filter(r -> r.path().startsWith(DataLinkStandIn.FILES_PATH))
                .collect(java.util.stream.Collectors.toList());
    }

    @Test
    void aRedirectWithinTheOriginKeepsTheCookie() {
        download(b -> b, "/same/port");
        assertThat(first.requests()).filteredOn(r -> r.path().equals("/same/port")).allSatisfy(r ->
                assertThat(cookie(r)).isTrue());
        assertThat(files(first)).hasSize(1).allSatisfy(r -> assertThat(cookie(r)).isTrue());
    }

    @Test
    void aRedirectToAnotherPortOfTheSameHostDropsTheCookie() {
        download(b -> b, "/other/port");
        assertThat(first.requests()).filteredOn(r -> r.path().equals("/other/port")).allSatisfy(r ->
                assertThat(cookie(r)).isTrue());
        assertThat(files(second)).hasSize(1)
                .noneSatisfy(r -> assertThat(r.headers().contains("Cookie") || r.headers().contains("Authorization"))
                        .isTrue());
    }

    @Test
    void aRealmThatListsThePortLetsTheCookieFollow() {
        download(b -> b.port(first.uri("").getPort()).port(second.uri("").getPort()), "/other/port");
        assertThat(files(second)).hasSize(1).allSatisfy(r -> assertThat(cookie(r)).isTrue());
    }

    @Test
    void aRedirectToAnotherHostDropsTheCookieEvenOnAListedPort() {
        download(b -> b.port(second.uri("").getPort()), "/other/host");
        assertThat(files(second)).hasSize(1).noneSatisfy(r -> assertThat(cookie(r)).isTrue());
    }

    @Test
    void realmsNameOriginsBySchemePortAndDomainSuffix() {
        Realm cadc = Realm.cadc();
        assertThat(cadc.admitsRedirectTo(URI.create("https://ws-uv.canfar.net/x"))).isTrue();
        assertThat(cadc.admitsRedirectTo(URI.create("https://ws-uv.canfar.net:443/x"))).isTrue();
        assertThat(cadc.admitsRedirectTo(URI.create("https://ws-uv.canfar.net:8443/x"))).isFalse();
        assertThat(cadc.admitsRedirectTo(URI.create("http://ws-uv.canfar.net/x"))).isFalse();
        assertThat(cadc.admitsRedirectTo(URI.create("https://evilcanfar.net/x"))).isFalse();
        assertThat(cadc.admitsRedirectTo(URI.create("https://canfar.net.example.org/x"))).isFalse();
        assertThat(cadc.contains(URI.create("https://ws-uv.canfar.net:8443/x"))).isTrue();
        Realm listed = Realm.builder().domain("example.org").port(8443).build();
        assertThat(listed.admitsRedirectTo(URI.create("https://a.example.org:8443/"))).isTrue();
        assertThat(listed.admitsRedirectTo(URI.create("https://a.example.org/"))).isFalse();
        assertThat(listed.admitsRedirectTo(URI.create("https://a.notexample.org:8443/"))).isFalse();
        assertThat(listed).isNotEqualTo(Realm.ofDomains("example.org"));
        assertThat(listed.toString()).contains("8443");
    }
}
