// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.auth.CredentialException.Reason;
import io.cadc4j.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetrcFileTest {
    @TempDir
    Path dir;

    private static NetrcFile parse(String text) {
        return NetrcFile.parse(text.toCharArray(), "test");
    }

    @Test
    void readsCadcUtilSampleFile() {
        NetrcFile netrc = NetrcFile.read(Fixtures.path("registry/netrc-sample.txt"));

        assertThat(netrc.entries()).hasSize(1);
        NetrcFile.Entry e = netrc.find("www.example.com").orElseThrow();
        assertThat(e.login()).hasValue("MyUserName");
        assertThat(new String(e.password())).isEqualTo("MyPassword");
        assertThat(netrc.find("other.example.com")).isEmpty();
        assertThat(netrc.toString()).contains("machine www.example.com login MyUserName").doesNotContain("MyPassword");
    }

    @Test
    void machineMatchesIgnoringCaseAndDefaultCatchesTheRest() {
        NetrcFile netrc = parse("machine WS-CADC.canfar.net login alice password one\n"
                + "default login anon password two\n");

        assertThat(netrc.find("ws-cadc.CANFAR.net").orElseThrow().login()).hasValue("alice");
        assertThat(netrc.find("elsewhere").orElseThrow().login()).hasValue("anon");
        assertThat(netrc.find("elsewhere").orElseThrow().machine()).isEmpty();
    }

    @Test
    void firstMatchingMachineWinsOverLaterOnesAndOverAnEarlierDefault() {
        NetrcFile netrc = parse("default login d password d\nmachine h login first password 1\nmachine h login second password 2");

        assertThat(netrc.find("h").orElseThrow().login()).hasValue("first");
    }

    @Test
    void tokensMaySpanLinesAndUseQuotesAndEscapes() {
        NetrcFile netrc = parse("machine h\n\tlogin \"user name\"\n  password \"pa ss\\\"word\"\naccount acct\n"
                + "machine i login x password back\\ slash");

        NetrcFile.Entry h = netrc.find("h").orElseThrow();
        assertThat(h.login()).hasValue("user name");
        assertThat(new String(h.password())).isEqualTo("pa ss\"word");
        assertThat(h.account()).hasValue("acct");
        assertThat(new String(netrc.find("i").orElseThrow().password())).isEqualTo("back slash");
    }

    @Test
    void skipsCommentsAndMacroDefinitions() {
        NetrcFile netrc = parse("# my hosts\nmachine a login u password #notacomment # trailing comment\n"
                + "macdef init\ncd /pub\nmachine fake login evil password evil\nbin\n\n"
                + "machine b login v password w\n");

        assertThat(netrc.entries()).extracting(e -> e.machine().orElse("default")).containsExactly("a", "b");
        assertThat(new String(netrc.find("a").orElseThrow().password())).isEqualTo("#notacomment");
        assertThat(netrc.find("fake")).isEmpty();
    }

    @Test
    void entryWithoutPasswordGivesNoBasicCredentials() {
        NetrcFile netrc = parse("machine h login u\n");

        assertThat(netrc.find("h").orElseThrow().hasPassword()).isFalse();
        assertThat(netrc.basicFor("h", false)).isEmpty();
        assertThatThrownBy(() -> netrc.find("h").orElseThrow().password()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void basicCredentialsAreScopedToTheHostLookedUp() {
        BasicCredentials b = parse("default login cadcauthtest1 password test-Passw0rd").basicFor("127.0.0.1", true).orElseThrow();

        assertThat(b.user()).isEqualTo("cadcauthtest1");
        assertThat(new String(b.password())).isEqualTo("test-Passw0rd");
        assertThat(b.realm()).isEqualTo(Realm.builder().host("127.0.0.1").httpAllowed(true).build());
        assertThat(b.toString()).doesNotContain("test-Passw0rd");
    }

    @Test
    void malformedFilesNameTheLineButNotTheValue() {
        assertThatThrownBy(() -> parse("machine h login u password"))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("'password' at line 1 has no value");
        assertThatThrownBy(() -> parse("machine h\nlogin u hunter2 password p"))
                .hasMessageContaining("unexpected token at line 2").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> parse("login u password p")).hasMessageContaining("before any machine");
        assertThatThrownBy(() -> parse("machine h password \"open")).hasMessageContaining("not closed");
    }

    @Test
    void missingFileIsItsOwnError() {
        assertThatThrownBy(() -> NetrcFile.read(dir.resolve("absent")))
                .isInstanceOfSatisfying(CredentialException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FILE_NOT_FOUND));
    }

    @Test
    void locatesTheFileFromTheEnvironmentThenTheHomeDirectory() throws IOException {
        assertThat(NetrcFile.locate(Map.of(), dir)).isEmpty();
        Path home = Files.writeString(dir.resolve(".netrc"), "default login a password b");
        assertThat(NetrcFile.locate(Map.of(), dir)).hasValue(home);
        Path env = Files.writeString(dir.resolve("elsewhere"), "default login a password b");
        assertThat(NetrcFile.locate(Map.of("NETRC", env.toString()), dir)).hasValue(env);
    }

    @Test
    void destroyWipesThePasswords() {
        NetrcFile netrc = parse("machine h login u password p");
        netrc.destroy();

        assertThatThrownBy(() -> netrc.find("h").orElseThrow().password()).isInstanceOf(IllegalStateException.class);
    }
}
