// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.internal.http.ChallengeRetry;
import io.cadc4j.core.spi.HttpHeaders;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ChallengeRetryTest {

    private static HttpHeaders challenge(String... values) {
        HttpHeaders.Builder b = HttpHeaders.builder();
        for (String v : values) {
            b.add("WWW-Authenticate", v);
        }
        return b.build();
    }

    @Test
    void readsIvoaSchemesAndTheirStandardIds() {
        HttpHeaders h = challenge("ivoa_bearer standard_id=\"ivo://ivoa.net/sso#token\", access_url=\"https://x/cred?a=b,c\", "
                + "ivoa_x509 standard_id=\"ivo://ivoa.net/sso#tls-with-certificate\"", "ivoa_cookie");

        assertThat(ChallengeRetry.challenged(h)).containsExactly(SecurityMethod.TOKEN, SecurityMethod.CERTIFICATE,
                SecurityMethod.COOKIE);
    }

    @Test
    void readsHttpSchemesCaseInsensitively() {
        assertThat(ChallengeRetry.challenged(challenge("Basic realm=\"cadc, west\", charset=\"UTF-8\"", "bearer")))
                .containsExactly(SecurityMethod.BASIC, SecurityMethod.TOKEN);
    }

    @Test
    void unknownSchemesAndToken68AreIgnored() {
        assertThat(ChallengeRetry.challenged(challenge("Negotiate YIIGhgYJKoZIhvcSAQICAQBuggYVMIIGEaADAgEFoQMCAQ6iBwMFACAAAA==",
                "Digest realm=\"x\", nonce=\"abc\"")))
                .isEmpty();
        assertThat(ChallengeRetry.challenged(HttpHeaders.empty())).isEmpty();
    }

    @Test
    void standardIdOnAnySchemeNamesItsMethod() {
        assertThat(ChallengeRetry.challenged(challenge("custom standard_id=\"ivo://ivoa.net/sso#BasicAA\"")))
                .containsExactly(SecurityMethod.BASIC);
    }
}
