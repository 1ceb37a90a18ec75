// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.SecurityMethod;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    private static final String SECRET = "s3cr3t-value";

    @Test
    void anonymousHoldsNothing() {
        assertThat(Credentials.ANONYMOUS.isAnonymous()).isTrue();
        assertThat(Credentials.ANONYMOUS.securityMethods()).containsExactly(SecurityMethod.ANONYMOUS);
        assertThat(Credentials.ANONYMOUS.parts()).isEmpty();
        assertThat(Credentials.ANONYMOUS.toString()).isEqualTo("Credentials[anonymous]");
    }

    @Test
    void setsFlattenAndUniteTheirMethods() {
        CookieCredentials cookie = CookieCredentials.of(SECRET.toCharArray(), Realm.cadc());
        TokenCredentials token = TokenCredentials.of(SECRET.toCharArray(), Realm.cadc());

        CredentialSet set = CredentialSet.of(CredentialSet.of(cookie), token, Credentials.ANONYMOUS);

        assertThat(set.parts()).containsExactly(cookie, token);
        assertThat(set.securityMethods()).containsExactlyInAnyOrder(SecurityMethod.COOKIE, SecurityMethod.TOKEN);
        assertThat(set.find(TokenCredentials.class)).containsSame(token);
        assertThat(set.find(BasicCredentials.class)).isEmpty();
    }

    @Test
    void valuesAreCopiedInAndOut() {
        char[] given = SECRET.toCharArray();
        BasicCredentials basic = BasicCredentials.of("alice", given, Realm.cadc());
        Arrays.fill(given, 'x');

        char[] out = basic.password();
        assertThat(new String(out)).isEqualTo(SECRET);
        Arrays.fill(out, 'y');
        assertThat(new String(basic.password())).isEqualTo(SECRET);
    }

    @Test
    void toStringNeverShowsTheSecret() {
        Credentials all = CredentialSet.of(CookieCredentials.of(SECRET.toCharArray(), Realm.cadc()),
                TokenCredentials.of(SECRET.toCharArray(), Realm.cadc()),
                BasicCredentials.of("alice", SECRET.toCharArray(), Realm.cadc()));

        assertThat(all.toString()).doesNotContain(SECRET).contains("CADC_SSO=****").contains("Bearer ****")
                .contains("alice:****").contains("canfar.net");
    }

    @Test
    void destroyWipesEverySecretOfASet() {
        CookieCredentials cookie = CookieCredentials.of(SECRET.toCharArray(), Realm.cadc());
        BasicCredentials basic = BasicCredentials.of("alice", SECRET.toCharArray(), Realm.cadc());
        CredentialSet set = CredentialSet.of(cookie, basic);

        set.destroy();

        assertThat(set.isDestroyed()).isTrue();
        assertThatThrownBy(cookie::token).isInstanceOf(IllegalStateException.class).hasMessageContaining("destroyed");
        assertThatThrownBy(basic::password).isInstanceOf(IllegalStateException.class).hasMessageNotContaining(SECRET);
        assertThat(cookie.toString()).contains("destroyed");
    }

    @Test
    void rejectsTokensACookieOrHeaderCannotCarryWithoutEchoingThem() {
        assertThatThrownBy(() -> CookieCredentials.of("has\"quote".toCharArray(), Realm.cadc()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("has\"quote");
        assertThatThrownBy(() -> CookieCredentials.of(new char[0], Realm.cadc())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenCredentials.of("two words".toCharArray(), Realm.cadc()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("two words");
        assertThatThrownBy(() -> BasicCredentials.of("a:b", SECRET.toCharArray(), Realm.cadc()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BasicCredentials.of("a", "line\nbreak".toCharArray(), Realm.cadc()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("line");
    }
}
