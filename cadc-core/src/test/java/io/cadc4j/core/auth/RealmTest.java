// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RealmTest {

    @Test
    void cadcRealmHoldsItsDomainsAndEveryHostBelowThem() {
        Realm cadc = Realm.cadc();

        assertThat(cadc.contains(URI.create("https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus/sync"))).isTrue();
        assertThat(cadc.contains(URI.create("https://cadc-ccda.hia-iha.nrc-cnrc.gc.ca/"))).isTrue();
        assertThat(cadc.contains(URI.create("https://ws-cadc.canfar.net/ac/login"))).isTrue();
        assertThat(cadc.contains(URI.create("https://cadc-west-01.canfar.net/reg/resource-caps"))).isTrue();
        assertThat(cadc.contains(URI.create("https://WS-UV.CANFAR.NET./caom2ops"))).isTrue();
    }

    @Test
    void lookalikeHostsAreOutside() {
        Realm cadc = Realm.cadc();

        assertThat(cadc.contains(URI.create("https://evilcanfar.net/"))).isFalse();
        assertThat(cadc.contains(URI.create("https://canfar.net.attacker.example/"))).isFalse();
        assertThat(cadc.contains(URI.create("https://nrc-cnrc.gc.ca/"))).isFalse();
        assertThat(cadc.contains(URI.create("https://127.0.0.1/"))).isFalse();
    }

    @Test
    void plainHttpIsOutsideUnlessAllowed() {
        URI http = URI.create("http://ws-uv.canfar.net/caom2ops");

        assertThat(Realm.cadc().contains(http)).isFalse();
        assertThat(Realm.cadc().toBuilder().httpAllowed(true).build().contains(http)).isTrue();
        assertThat(Realm.cadc().contains(URI.create("ftp://ws-uv.canfar.net/x"))).isFalse();
    }

    @Test
    void singleHostsDoNotExtendToSubdomains() {
        Realm host = Realm.ofHost("data.example.org");

        assertThat(host.contains(URI.create("https://data.example.org/x"))).isTrue();
        assertThat(host.contains(URI.create("https://a.data.example.org/x"))).isFalse();
        assertThat(Realm.ofDomains(".example.org").contains(URI.create("https://a.data.example.org/x"))).isTrue();
    }

    @Test
    void rejectsNamesThatAreNotHosts() {
        assertThatThrownBy(() -> Realm.ofDomains("https://canfar.net")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Realm.ofDomains("*.canfar.net")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Realm.ofHost(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Realm.ofHost(null)).isInstanceOf(NullPointerException.class).hasMessage("host");
    }

    @Test
    void equalRealmsAreEqualAndPrintTheirScope() {
        assertThat(Realm.ofDomains("canfar.net", "cadc-ccda.hia-iha.nrc-cnrc.gc.ca")).isEqualTo(Realm.cadc());
        assertThat(Realm.cadc().toString()).isEqualTo("Realm[*.cadc-ccda.hia-iha.nrc-cnrc.gc.ca *.canfar.net https]");
    }
}
