// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.NotFoundException;
import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.SecurityMethod;
import io.cadc4j.core.StandardId;
import io.cadc4j.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CapabilitiesTest {
    private static final String VS = "{http://www.ivoa.net/xml/VODataService/v1.1}";

    static Capabilities parse(String fixture) {
        return parse(fixture, Fixtures.Chunking.WHOLE);
    }

    static Capabilities parse(String fixture, Fixtures.Chunking mode) {
        return Capabilities.parse(mode.open(Fixtures.bytes(fixture)), Fixtures.uri(fixture));
    }

    private static Capabilities parseText(String xml) {
        return Capabilities.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                URI.create("http://example.test/capabilities"));
    }

    @ParameterizedTest
    @EnumSource(Fixtures.Chunking.class)
    void readsCadcArgusTapCapabilitiesWithTapRegExtExtras(Fixtures.Chunking mode) {
        Capabilities caps = parse("capabilities/cadc-argus-tap-capabilities.xml", mode);

        assertThat(caps.all()).extracting(c -> c.standardId().toString()).containsExactly(
                "ivo://ivoa.net/std/VOSI#capabilities", "ivo://ivoa.net/std/VOSI#availability",
                "vos://cadc.nrc.ca~vospace/CADC/std/Logging#control-1.0", "ivo://ivoa.net/std/VOSI#tables-1.1",
                "ivo://ivoa.net/std/TAP");
        Capability tap = caps.require(StandardId.TAP);
        assertThat(tap.interfaces()).hasSize(1);
        Interface i = tap.interfaces().get(0);
        assertThat(i.accessUrl()).hasToString("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus");
        assertThat(i.use()).isEqualTo(Interface.Use.BASE);
        assertThat(i.role()).contains("std");
        assertThat(i.version()).contains("1.1");
        assertThat(i.type()).contains(VS + "ParamHTTP");
        assertThat(i.typeName()).contains("ParamHTTP");
        assertThat(i.securityMethods()).containsExactly(SecurityMethod.ANONYMOUS, SecurityMethod.COOKIE,
                SecurityMethod.CERTIFICATE);

        TableAccess extras = tap.tableAccess().orElseThrow();
        assertThat(extras.languages()).extracting(TableAccess.Language::name).containsExactly("ADQL", "PQL");
        assertThat(extras.languages().get(0).versions()).containsExactly("2.0");
        assertThat(extras.outputFormats()).extracting(TableAccess.OutputFormat::mime).containsExactly(
                "application/x-votable+xml", "text/xml", "text/csv", "text/tab-separated-values");
        assertThat(extras.outputFormats().get(0).aliases()).containsExactly("votable");
        assertThat(extras.outputFormats().get(0).ivoId()).contains("ivo://ivoa.net/std/TAPRegExt#output-votable-td");
        assertThat(extras.outputFormats().get(2).ivoId()).isEmpty();
        assertThat(extras.uploadMethods()).containsExactly(TableAccess.UPLOAD_INLINE, TableAccess.UPLOAD_HTTP,
                TableAccess.UPLOAD_HTTPS);
        assertThat(extras.retentionPeriod().orElseThrow().defaultValue()).hasValue(604800);
        assertThat(extras.retentionPeriod().orElseThrow().unit()).isEqualTo(TableAccess.Limit.SECONDS);
        assertThat(extras.executionDuration().orElseThrow().hard()).hasValue(600);
        assertThat(extras.outputLimit().orElseThrow().unit()).isEqualTo(TableAccess.Limit.BYTE);
        assertThat(extras.outputLimit().orElseThrow().hard()).hasValue(134217728);
        TableAccess.Limit upload = extras.uploadLimit().orElseThrow();
        assertThat(upload.unit()).isEqualTo(TableAccess.Limit.ROW);
        assertThat(upload.effective()).hasValue(100000);

        assertThat(caps.find(StandardId.VOSI_TABLES_1_1).orElseThrow().tableAccess()).isEmpty();
        assertThat(caps.find(StandardId.VOSI_CAPABILITIES).orElseThrow().interfaces().get(0).use())
                .isEqualTo(Interface.Use.FULL);
    }

    @Test
    void readsDachsCapabilitiesWithoutSecurityMethodsAsAnonymous() {
        Capabilities caps = parse("dachs/tap_capabilities.xml");

        Capability tap = caps.require(StandardId.TAP);
        Interface i = tap.interfaces().get(0);
        assertThat(i.accessUrl()).hasToString("http://127.0.0.1:8089/tap");
        assertThat(i.use()).isEqualTo(Interface.Use.FULL);
        assertThat(i.securityMethods()).containsExactly(SecurityMethod.ANONYMOUS);
        TableAccess extras = tap.tableAccess().orElseThrow();
        assertThat(extras.languages().get(0).versions()).containsExactly("2.0", "2.1");
        assertThat(extras.outputFormats()).hasSize(16);
        assertThat(extras.outputFormats()).filteredOn(f -> f.mime().equals("application/x-votable+xml;serialization=BINARY2"))
                .singleElement().satisfies(f -> assertThat(f.aliases()).containsExactly("votable/b2", "votableb2"));
        assertThat(extras.uploadMethods()).hasSize(4).contains("ivo://ivoa.net/std/TAPRegExt#upload-ftp");
        assertThat(extras.outputLimit().orElseThrow().defaultValue()).hasValue(20000);
        assertThat(extras.outputLimit().orElseThrow().hard()).hasValue(20000000);
        assertThat(extras.uploadLimit().orElseThrow().unit()).isEqualTo("byte");
        assertThat(extras.uploadLimit().orElseThrow().defaultValue()).isEmpty();
        assertThat(caps.find(StandardId.VOSI_TABLES).orElseThrow().interfaces().get(0).accessUrl())
                .hasToString("http://127.0.0.1:8089/__system__/tap/run/tableMetadata");
    }

    @Test
    void resolvesInterfaceTypeWhateverPrefixTheDocumentBinds() {
        Capabilities caps = parse("capabilities/cadc-reg-test-sample.xml");

        Interface strange = caps.require(StandardId.VOSI_CAPABILITIES).interfaces().get(0);
        assertThat(strange.type()).contains(VS + "ParamHTTP");
        assertThat(strange.accessUrl()).hasToString("http://example.net/srv/capabilities");
        Interface browser = caps.require(StandardId.of("ivo://ivoa.net/std/DALI#examples")).interfaces().get(0);
        assertThat(browser.type()).contains("{http://www.ivoa.net/xml/VOResource/v1.0}WebBrowser");
        Interface oai = caps.require(StandardId.of("ivo://ivoa.net/std/Registry")).interfaces().get(0);
        assertThat(oai.typeName()).contains("OAIHTTP");
        assertThat(oai.use()).isEqualTo(Interface.Use.BASE);
    }

    @Test
    void readsTheTapRegExtOfThePyvoDocuments() {
        Capabilities pyvo = parse("capabilities/tap-capabilities-pyvo.xml");
        Capability tap = pyvo.require(StandardId.TAP);
        assertThat(tap.interfaces().get(0).accessUrl()).hasToString("http://dc.zah.uni-heidelberg.de/tap");
        assertThat(tap.tableAccess().orElseThrow().languages()).extracting(TableAccess.Language::name).contains("ADQL");
        Interface tables = pyvo.require(StandardId.VOSI_TABLES).interfaces().get(0);
        assertThat(tables.securityMethods()).extracting(SecurityMethod::id)
                .containsExactly("http://www.w3.org/Protocols/HTTP/1.0/spec.html#BasicAA");

        Capabilities minimal = parse("capabilities/minimal-tapregext.xml");
        TableAccess extras = minimal.require(StandardId.TAP).tableAccess().orElseThrow();
        assertThat(extras.outputFormats()).singleElement().satisfies(f -> assertThat(f.mime()).isEqualTo("text/xml"));
        assertThat(extras.uploadMethods()).isEmpty();
        assertThat(extras.uploadLimit()).isEmpty();

        Capabilities vosi = parse("capabilities/vosi-capabilities-pyvo.xml");
        TableAccess v = vosi.require(StandardId.TAP).tableAccess().orElseThrow();
        assertThat(v.uploadMethods()).containsExactly(TableAccess.UPLOAD_HTTPS, TableAccess.UPLOAD_INLINE);
        assertThat(v.uploadLimit().orElseThrow().hard()).hasValue(100000000);
        assertThat(vosi.require(StandardId.TAP).interfaces().get(0).accessUrl()).hasToString("http://example.org/tap");
    }

    @Test
    void readsEveryCadcTemplate() {
        Capabilities gms = parse("capabilities/cadc-ac-gms-capabilities-template.xml");
        assertThat(gms.require(StandardId.UMS_LOGIN).interfaces().get(0).accessUrl())
                .hasToString("https://replace.me.com/ac/login");
        assertThat(gms.require(StandardId.SSO_TLS_WITH_PASSWORD).interfaces().get(0).securityMethods())
                .containsExactly(SecurityMethod.ANONYMOUS);
        assertThat(gms.require(StandardId.of("ivo://ivoa.net/std/UMS#users-0.1")).interfaces().get(0).securityMethods())
                .extracting(SecurityMethod::id).contains("vos://cadc.nrc.ca~vospace/CADC/std/Auth#token-1.0");

        Capabilities argus = parse("capabilities/cadc-argus-capabilities-template.xml");
        assertThat(argus.require(StandardId.TAP).interfaces().get(0).securityMethods()).containsExactly(
                SecurityMethod.ANONYMOUS, SecurityMethod.COOKIE, SecurityMethod.CERTIFICATE, SecurityMethod.TOKEN);

        Capabilities bifrost = parse("capabilities/cadc-bifrost-datalink-capabilities-template.xml");
        assertThat(bifrost.require(StandardId.DATALINK_1_1, StandardId.DATALINK_1_0).standardId())
                .isEqualTo(StandardId.DATALINK_1_1);
    }

    @Test
    void trimsWhiteSpaceAroundAccessUrls() {
        Capabilities caps = parse("capabilities/cadc-reg-test-tap-capabilities.xml");

        assertThat(caps.require(StandardId.TAP).interfaces().get(0).accessUrl()).hasToString("http://example.net/srv");
        assertThat(caps.require(StandardId.VOSI_TABLES_1_1).interfaces().get(0).accessUrl())
                .hasToString("http://example.net/srv/tables");
    }

    @Test
    void namesTheStandardIdAndDocumentWhenACapabilityIsMissing() {
        Capabilities caps = parse("capabilities/basicauth-capabilities.xml");

        assertThatThrownBy(() -> caps.require(StandardId.TAP))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("ivo://ivoa.net/std/TAP")
                .hasMessageContaining("http://fixtures.test/capabilities/basicauth-capabilities.xml");
        assertThatThrownBy(() -> caps.require(StandardId.DATALINK_1_1, StandardId.DATALINK_1_0))
                .hasMessageContaining("links-1.1 or ivo://ivoa.net/std/DataLink#links-1.0");
    }

    @Test
    void rejectsADocumentWithAnUndeclaredPrefixWithItsLocation() {
        assertThatThrownBy(() -> parse("capabilities/cadc-reg-test-bad.xml"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("cadc-reg-test-bad.xml")
                .satisfies(e -> {
                    ProtocolViolationException p = (ProtocolViolationException) e;
                    // the root's start tag spans lines 2 to 5; the parser reports where it ends
                    assertThat(p.line().orElseThrow()).isBetween(2L, 5L);
                    assertThat(p.column()).isPresent();
                    assertThat(p.requestUri()).contains(Fixtures.uri("capabilities/cadc-reg-test-bad.xml"));
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 200, 1000, 3000})
    void rejectsATruncatedDocument(int length) {
        byte[] whole = Fixtures.bytes("capabilities/cadc-argus-tap-capabilities.xml");
        byte[] cut = Arrays.copyOf(whole, length);

        assertThatThrownBy(() -> Capabilities.parse(new ByteArrayInputStream(cut), URI.create("http://x.test/caps")))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("http://x.test/caps")
                .satisfies(e -> assertThat(((ProtocolViolationException) e).line()).isPresent());
    }

    @Test
    void rejectsAnHtmlPageNamingItsRoot() {
        assertThatThrownBy(() -> parseText("<html><head><title>Maintenance</title></head><body>down</body></html>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("root element is <html>");
        assertThatThrownBy(() -> parseText("<!DOCTYPE html><html><body><p>oops<br></body></html>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("<html>");
        assertThatThrownBy(() -> parseText("<p>unclosed<br></p>"))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("<p>");
    }

    @Test
    void rejectsPlainTextAndAnEmptyBody() {
        assertThatThrownBy(() -> parseText("Service Unavailable"))
                .isInstanceOf(ProtocolViolationException.class);
        assertThatThrownBy(() -> parseText(""))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void rejectsAnInterfaceWithoutAccessUrlAndANonNumericLimit() {
        String noUrl = "<vosi:capabilities xmlns:vosi='http://www.ivoa.net/xml/VOSICapabilities/v1.0'>"
                + "<capability standardID='ivo://ivoa.net/std/TAP'><interface role='std'/></capability></vosi:capabilities>";
        assertThatThrownBy(() -> parseText(noUrl)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("no accessURL");

        String badLimit = "<capabilities><capability standardID='ivo://ivoa.net/std/TAP'>"
                + "<interface><accessURL>http://h/tap</accessURL></interface>"
                + "<uploadLimit><hard unit='row'>lots</hard></uploadLimit></capability></capabilities>";
        assertThatThrownBy(() -> parseText(badLimit)).isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("'lots'");
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE c [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<capabilities><capability standardID='ivo://a/b'><interface><accessURL>http://h/&x;</accessURL>"
                + "</interface></capability></capabilities>";

        assertThatThrownBy(() -> parseText(xxe)).isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void leavesOutCapabilitiesWithoutStandardId() {
        Capabilities caps = parseText("<capabilities><capability><interface><accessURL>http://h/x</accessURL>"
                + "</interface></capability><capability standardID='ivo://a/b'><interface>"
                + "<accessURL>http://h/y</accessURL></interface></capability></capabilities>");

        List<String> ids = caps.all().stream().map(c -> c.standardId().toString()).collect(Collectors.toList());
        assertThat(ids).containsExactly("ivo://a/b");
    }
}
