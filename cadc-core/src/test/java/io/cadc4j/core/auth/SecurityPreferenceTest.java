// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.SecurityMethod;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityPreferenceTest {
    private static final Credentials COOKIE = CookieCredentials.of("t".toCharArray(), Realm.cadc());
    private static final Credentials TOKEN = TokenCredentials.of("t".toCharArray(), Realm.cadc());
    private static final Credentials BASIC = BasicCredentials.of("u", "p".toCharArray(), Realm.cadc());

    /** Interfaces as CADC's per-interface capabilities list them: one URL per security method. */
    private static final Map<String, Set<SecurityMethod>> OFFERED = Map.of(
            "anon", Set.of(),
            "cookie", Set.of(SecurityMethod.COOKIE),
            "token", Set.of(SecurityMethod.TOKEN),
            "basic", Set.of(SecurityMethod.BASIC));
    private static final List<String> INTERFACES = List.of("anon", "basic", "token", "cookie");

    private static String choose(SecurityPreference p, Credentials held) {
        return p.choose(INTERFACES, OFFERED::get, held).orElseThrow().candidate();
    }

    @Test
    void defaultOrderPrefersCookieOverTokenOverBasic() {
        assertThat(choose(SecurityPreference.defaults(), CredentialSet.of(BASIC, TOKEN, COOKIE))).isEqualTo("cookie");
        assertThat(choose(SecurityPreference.defaults(), CredentialSet.of(BASIC, TOKEN))).isEqualTo("token");
        assertThat(choose(SecurityPreference.defaults(), BASIC)).isEqualTo("basic");
        assertThat(SecurityPreference.defaults().order()).containsExactly(SecurityMethod.CERTIFICATE, SecurityMethod.COOKIE,
                SecurityMethod.TOKEN, SecurityMethod.BASIC);
    }

    @Test
    void orderIsConfigurable() {
        SecurityPreference basicFirst = SecurityPreference.of(SecurityMethod.BASIC, SecurityMethod.COOKIE);

        assertThat(choose(basicFirst, CredentialSet.of(COOKIE, BASIC))).isEqualTo("basic");
        // A method left out of the order is never chosen.
        assertThat(basicFirst.choose(INTERFACES, OFFERED::get, TOKEN).orElseThrow().method()).isEqualTo(SecurityMethod.ANONYMOUS);
    }

    @Test
    void anonymousCredentialsTakeTheAnonymousInterface() {
        SecurityPreference.Choice<String> c = SecurityPreference.defaults().choose(INTERFACES, OFFERED::get, Credentials.ANONYMOUS)
                .orElseThrow();

        assertThat(c.candidate()).isEqualTo("anon");
        assertThat(c.method()).isEqualTo(SecurityMethod.ANONYMOUS);
    }

    @Test
    void emptyWhenNothingAcceptsTheCredentialsAndNothingIsAnonymous() {
        assertThat(SecurityPreference.defaults().choose(List.of("cookie"), OFFERED::get, BASIC)).isEmpty();
    }

    @Test
    void explicitAnonymousMethodCountsAsAnonymous() {
        assertThat(SecurityPreference.defaults().choose(List.of("x"), x -> Set.of(SecurityMethod.of(" ")), COOKIE)
                .orElseThrow().method()).isEqualTo(SecurityMethod.ANONYMOUS);
    }

    @Test
    void rejectsAMethodListedTwice() {
        assertThatThrownBy(() -> SecurityPreference.of(SecurityMethod.BASIC, SecurityMethod.BASIC))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
