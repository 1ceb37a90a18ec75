// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.datalink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.table.Field;
import io.cadc4j.core.table.Group;
import io.cadc4j.core.table.Param;
import io.cadc4j.core.table.Resource;
import io.cadc4j.core.table.Values;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceDescriptorTest {

    private static Param param(String name, String value) {
        return Param.of(Field.builder(name, "char").arraysize("*").build(), value);
    }

    private static Resource soda() {
        Field circle = Field.builder("CIRCLE", "double").arraysize("3").xtype("circle")
                .values(Values.of(null, null, true, "10 20 0.5", true, List.of(), null)).build();
        Field pol = Field.builder("POL", "char").arraysize("*")
                .values(Values.of(null, null, true, null, true,
                        List.of(Values.Option.of(null, "I", List.of()), Values.Option.of(null, "V", List.of())), null))
                .build();
        Field id = Field.builder("ID", "char").arraysize("*").ref("pubdid").build();
        Group inputs = Group.builder().name("inputParams").param(Param.of(id, "")).param(param("RUNID", "r1"))
                .param(Param.of(circle, "")).param(Param.of(pol, "")).build();
        return Resource.builder().type("meta").utype("adhoc:service").id("soda")
                .param(param("accessURL", "https://example.org/soda/sync"))
                .param(param("standardID", "ivo://ivoa.net/std/SODA#sync-1.0"))
                .param(param("resourceIdentifier", "ivo://example.org/soda")).group(inputs).build();
    }

    @Test
    void readsAccessUrlStandardIdentifierAndInputParams() {
        ServiceDescriptor d = ServiceDescriptor.from(soda());
        assertThat(d.id()).contains("soda");
        assertThat(d.accessUrl()).contains(URI.create("https://example.org/soda/sync"));
        assertThat(d.standardId()).contains("ivo://ivoa.net/std/SODA#sync-1.0");
        assertThat(d.resourceIdentifier()).contains("ivo://example.org/soda");
        assertThat(d.isSodaSync()).isTrue();
        assertThat(d.inputParams()).extracting(ServiceDescriptor.InputParam::name)
                .containsExactly("ID", "RUNID", "CIRCLE", "POL");
        assertThat(d.inputParam("runid").flatMap(ServiceDescriptor.InputParam::value)).contains("r1");
        assertThat(d.inputParam("CIRCLE").flatMap(ServiceDescriptor.InputParam::max)).contains("10 20 0.5");
        assertThat(d.inputParam("CIRCLE").flatMap(ServiceDescriptor.InputParam::xtype)).contains("circle");
        assertThat(d.inputParam("POL").orElseThrow().options()).containsExactly("I", "V");
        assertThat(d.inputParam("ID").flatMap(ServiceDescriptor.InputParam::value)).isEmpty();
    }

    @Test
    void bindsRefParamsToTheRowsValue() {
        ServiceDescriptor d = ServiceDescriptor.from(soda());
        Map<String, String> row = Map.of("pubdid", "ivo://example.org/x?1/1");
        ServiceDescriptor bound = d.bind(ref -> Optional.ofNullable(row.get(ref)));
        assertThat(bound.inputParam("ID").flatMap(ServiceDescriptor.InputParam::value)).contains("ivo://example.org/x?1/1");
        assertThat(bound.inputParam("ID").flatMap(ServiceDescriptor.InputParam::ref)).contains("pubdid");
        assertThat(d.inputParam("ID").flatMap(ServiceDescriptor.InputParam::value)).isEmpty();
        assertThat(d.bind(ref -> Optional.empty()).inputParam("ID").flatMap(ServiceDescriptor.InputParam::value))
                .isEmpty();
    }

    @Test
    void refusesAResourceThatIsNotADescriptor() {
        Resource results = Resource.builder().type("results").build();
        assertThat(ServiceDescriptor.isDescriptor(results)).isFalse();
        assertThatThrownBy(() -> ServiceDescriptor.from(results)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adhoc:service");
    }

    @Test
    void keepsADescriptorWithoutAccessUrlForRegistryResolution() {
        Resource r = Resource.builder().type("meta").utype("adhoc:service")
                .param(param("resourceIdentifier", "ivo://example.org/links"))
                .param(param("standardID", "ivo://ivoa.net/std/DataLink#links-1.1")).build();
        ServiceDescriptor d = ServiceDescriptor.from(r);
        assertThat(d.accessUrl()).isEmpty();
        assertThat(d.resourceIdentifier()).contains("ivo://example.org/links");
        assertThat(d.isSodaSync()).isFalse();
    }
}
