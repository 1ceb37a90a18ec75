// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.StandardId;
import io.cadc4j.core.auth.SecurityPreference;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static io.cadc4j.core.SecurityMethod.ANONYMOUS;
import static io.cadc4j.core.SecurityMethod.BASIC;
import static io.cadc4j.core.SecurityMethod.CERTIFICATE;
import static io.cadc4j.core.SecurityMethod.COOKIE;
import static io.cadc4j.core.SecurityMethod.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapabilityTest {
    private static final StandardId SIA2 = StandardId.of("ivo://ivoa.net/std/SIA#query-2.0");

    private static Capability capability(String fixture, StandardId id) {
        return CapabilitiesTest.parse(fixture).require(id);
    }

    static Stream<Arguments> perInterfaceChoices() {
        String auth = "https://example.com/sia/auth-v2query";
        String plain = "https://example.com/sia/v2query";
        return Stream.of(
                Arguments.of(Set.of(BASIC), auth, BASIC),
                Arguments.of(Set.of(COOKIE), plain, COOKIE),
                Arguments.of(Set.of(CERTIFICATE), plain, CERTIFICATE),
                Arguments.of(Set.of(COOKIE, BASIC), plain, COOKIE),
                Arguments.of(Set.of(CERTIFICATE, COOKIE), plain, CERTIFICATE),
                Arguments.of(Set.of(TOKEN, BASIC), auth, BASIC),
                Arguments.of(Set.of(CERTIFICATE, COOKIE, TOKEN, BASIC), plain, CERTIFICATE));
    }

    @ParameterizedTest
    @MethodSource("perInterfaceChoices")
    void choosesTheInterfaceForThePreferredHeldMethod(Set<SecurityMethod> held, String url, SecurityMethod method) {
        Capability sia = capability("capabilities/per-interface-security-methods.xml", SIA2);

        InterfaceChoice choice = sia.chooseInterface(held).orElseThrow();

        assertThat(choice.accessUrl()).hasToString(url);
        assertThat(choice.securityMethod()).isEqualTo(method);
        assertThat(choice.chosen().accepts(method)).isTrue();
        assertThat(choice.standardId()).isEqualTo(SIA2);
    }

    @Test
    void findsNothingWhenNoInterfaceTakesTheHeldMethodsNorAnonymous() {
        Capability sia = capability("capabilities/per-interface-security-methods.xml", SIA2);

        assertThat(sia.chooseInterface(Set.of())).isEmpty();
        assertThat(sia.chooseInterface(Set.of(TOKEN))).isEmpty();
    }

    @Test
    void followsAConfiguredPreference() {
        Capability sia = capability("capabilities/per-interface-security-methods.xml", SIA2);
        SecurityPreference basicFirst = SecurityPreference.of(List.of(BASIC, COOKIE));

        InterfaceChoice choice = sia.chooseInterface(Set.of(COOKIE, BASIC, CERTIFICATE), basicFirst).orElseThrow();

        assertThat(choice.securityMethod()).isEqualTo(BASIC);
        assertThat(choice.accessUrl()).hasToString("https://example.com/sia/auth-v2query");
        // CERTIFICATE is held but not in this preference, so it is never used.
        assertThat(sia.chooseInterface(Set.of(CERTIFICATE), basicFirst)).isEmpty();
    }

    static Stream<Arguments> multiSecChoices() {
        return Stream.of(
                Arguments.of(Set.of(), ANONYMOUS),
                Arguments.of(Set.of(TOKEN), TOKEN),
                Arguments.of(Set.of(COOKIE), ANONYMOUS),
                Arguments.of(Set.of(BASIC), ANONYMOUS),
                Arguments.of(Set.of(TOKEN, CERTIFICATE), CERTIFICATE),
                Arguments.of(Set.of(COOKIE, TOKEN), TOKEN));
    }

    @ParameterizedTest
    @MethodSource("multiSecChoices")
    void fallsBackToAnonymousOnAnInterfaceListingSeveralMethods(Set<SecurityMethod> held, SecurityMethod expected) {
        Capability tap = capability("capabilities/cadc-reg-test-multi-sec.xml", StandardId.TAP);

        InterfaceChoice choice = tap.chooseInterface(held).orElseThrow();

        assertThat(choice.securityMethod()).isEqualTo(expected);
        assertThat(choice.accessUrl()).hasToString("https://example.net/srv");
    }

    @Test
    void usesBasicOnlyWhenHeldOnABasicOnlyService() {
        Capability sia = capability("capabilities/basicauth-capabilities.xml", SIA2);

        assertThat(sia.chooseInterface(Set.of(BASIC)).map(InterfaceChoice::securityMethod)).contains(BASIC);
        assertThat(sia.chooseInterface(Set.of(COOKIE, CERTIFICATE))).isEmpty();
        assertThat(sia.chooseInterface(Set.of())).isEmpty();
    }

    @Test
    void goesAnonymousOnDachsWhateverIsHeld() {
        Capability tap = capability("dachs/tap_capabilities.xml", StandardId.TAP);

        for (Set<SecurityMethod> held : List.of(Set.<SecurityMethod>of(), Set.of(COOKIE), Set.of(CERTIFICATE, TOKEN, BASIC))) {
            InterfaceChoice choice = tap.chooseInterface(held).orElseThrow();
            assertThat(choice.securityMethod()).isEqualTo(ANONYMOUS);
            assertThat(choice.accessUrl()).hasToString("http://127.0.0.1:8089/tap");
        }
    }

    @Test
    void prefersHttpsWhenTwoInterfacesTie() {
        Interface http = Interface.of("", "std", "", URI.create("http://h.test/tap"), Interface.Use.BASE, List.of(COOKIE));
        Interface https = Interface.of("", "std", "", URI.create("https://h.test/tap"), Interface.Use.BASE, List.of(COOKIE));
        Interface anonHttp = Interface.of("", "std", "", URI.create("http://h.test/pub"), Interface.Use.BASE, List.of());
        Interface anonHttps = Interface.of("", "std", "", URI.create("https://h.test/pub"), Interface.Use.BASE, List.of());
        Capability cap = Capability.of(StandardId.TAP, List.of(http, https, anonHttp, anonHttps));

        assertThat(cap.chooseInterface(Set.of(COOKIE)).map(InterfaceChoice::accessUrl))
                .contains(URI.create("https://h.test/tap"));
        assertThat(cap.chooseInterface(Set.of()).map(InterfaceChoice::accessUrl))
                .contains(URI.create("https://h.test/pub"));
        Capability httpOnly = Capability.of(StandardId.TAP, List.of(http));
        assertThat(httpOnly.chooseInterface(Set.of(COOKIE)).map(InterfaceChoice::accessUrl))
                .isEqualTo(Optional.of(URI.create("http://h.test/tap")));
    }

    @Test
    void aPreferenceKeepsAnonymousLastAndRejectsARepeat() {
        assertThat(SecurityPreference.of(List.of(ANONYMOUS, COOKIE)).order()).containsExactly(COOKIE);
        assertThatThrownBy(() -> SecurityPreference.of(List.of(COOKIE, COOKIE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SecurityPreference.defaults().order()).containsExactly(CERTIFICATE, COOKIE, TOKEN, BASIC);
    }

    @Test
    void treatsAnEmptySecurityMethodListAsAnonymous() {
        Interface i = Interface.of("", "", "", URI.create("https://h.test/x"), Interface.Use.FULL, List.of());

        assertThat(i.securityMethods()).containsExactly(ANONYMOUS);
        assertThat(i.accepts(ANONYMOUS)).isTrue();
        assertThat(i.role()).isEmpty();
    }
}
