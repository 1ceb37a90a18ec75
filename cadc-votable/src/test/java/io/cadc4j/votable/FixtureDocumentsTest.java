// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.votable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cadc4j.core.ProtocolViolationException;
import io.cadc4j.core.QueryException;
import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Group;
import io.cadc4j.core.table.Param;
import io.cadc4j.core.table.Resource;
import io.cadc4j.core.table.XtypeValue;
import io.cadc4j.testing.Fixtures.Chunking;
import io.cadc4j.testing.Fixtures;
import io.cadc4j.votable.ReadAll.Outcome;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every VOTable in the shared fixtures (votable/, status/, datalink/, dachs/) is read whole, one
 * byte at a time and in random chunks, and its values are checked; negative documents must fail
 * with the right exception.
 */
class FixtureDocumentsTest {
    private static final Map<String, Consumer<Outcome>> READS = new LinkedHashMap<>();
    private static final Map<String, Class<? extends Exception>> FAILS = new LinkedHashMap<>();
    private static final Map<String, String> FAIL_TEXT = new LinkedHashMap<>();
    private static final List<String> NOT_VOTABLE_DOCUMENTS = List.of("dachs/datalink_soda_capabilities.xml",
            "dachs/tap_availability.xml", "dachs/tap_capabilities.xml", "dachs/tap_tables.xml",
            "dachs/tap_tables_caom2.plane.xml", "dachs/uws_job_completed.xml", "dachs/uws_job_error.xml",
            "dachs/uws_job_pending.xml", "dachs/uws_job_results.xml", "dachs/uws_job_upload_completed.xml",
            "dachs/uws_joblist.xml");

    static {
        READS.put("votable/tabledata-basic.xml", o -> {
            rows(o, 3);
            cell(o, 0, "1", 23L);
            cell(o, 1, "2", "Don't panic, and always carry a towel");
            cell(o, 2, "1", 1337L);
            assertThat(o.metadata.fields().get(0).ucd()).contains("foo;bar");
            assertThat(o.overflow).isFalse();
        });
        READS.put("votable/cadc-argus-tabledata.xml", o -> {
            rows(o, 3);
            cell(o, 0, "uri", "ad:IRIS/I001B1H0.fits");
            cell(o, 2, "contentChecksum", "md5:2ada853a8ae135e16504aeba4e47489e");
            cell(o, 1, "contentLength", 1008000L);
            assertThat(o.metadata.fields().get(0).xtype()).contains("uri");
            assertThat(o.metadata.fields().get(3).shape().bound()).isEqualTo(128);
            assertThat(o.document.resources().get(0).infos()).anyMatch(i -> i.name().equals("QUERY_STATUS"));
        });
        READS.put("votable/cadc-alltypes-tabledata-v1.2.xml", o -> {
            rows(o, 1);
            cell(o, 0, "short_datatype", (short) 1);
            cell(o, 0, "int_datatype", 2);
            cell(o, 0, "long_datatype", 3L);
            cell(o, 0, "float_datatype", 4.4f);
            cell(o, 0, "double_datatype", 5.5);
            cell(o, 0, "char_datatype", "C");
            cell(o, 0, "char32_datatype", "char(32) of exact--len");
            cell(o, 0, "varchar32_datatype", "varchar(32) value");
            assertThat(o.rows.get(0).getTimestamp(col(o, "dali_timestamp_xtype")))
                    .isEqualTo(Instant.parse("2011-01-01T00:00:00Z"));
        });
        Consumer<Outcome> cadcBinary = o -> {
            rows(o, 23);
            for (int i = 0; i < 22; i++) {
                cell(o, i, "d_short", (short) i);
                cell(o, i, "d_int", i);
                cell(o, i, "d_long", (long) i);
                cell(o, i, "d_float", i * 1.125f);
                cell(o, i, "d_double", i * 1.125);
                // one day and 14 minutes 24 seconds (1.01 days) apart
                assertThat(o.rows.get(i).getTimestamp(col(o, "d_time")))
                        .isEqualTo(Instant.parse("2000-01-01T00:00:00Z").plusSeconds(i * 87264L));
            }
            cell(o, 0, "d_char", "A");
            cell(o, 1, "d_char", "B");
            cell(o, 0, "d_string", "0");
            // the last row holds the VALUES null magic numbers and NaNs
            for (String c : List.of("d_short", "d_int", "d_long", "d_float", "d_double")) {
                cell(o, 22, c, null);
            }
            cell(o, 22, "d_char", "W");
        };
        READS.put("votable/cadc-binary-timestamp-v1.2.xml", cadcBinary);
        READS.put("votable/cadc-dali-binary.xml", cadcBinary);
        READS.put("votable/binary-scs-v1.1.xml", o -> {
            rows(o, 1273);
            cell(o, 0, "raj2000", 77.6581);
            cell(o, 0, "dej2000", 1.68358);
            cell(o, 0, "energy_cor", 0.15f);
            cell(o, 0, "id", "1522124650242182041");
            cell(o, 2, "exposure_time", 394.05f);
        });
        READS.put("votable/binary-regtap-timestamp-unicode.xml", o -> {
            rows(o, 1);
            cell(o, 0, "ivoid", "ivo://org.gavo.dc/flashheros/q/ssa");
            cell(o, 0, "res_title", "Flash/Heros SSAP");
            cell(o, 0, "content_level", null);
            cell(o, 0, "waveband", "optical");
            assertThat(o.rows.get(0).getTimestamp(col(o, "created"))).isEqualTo(Instant.parse("2012-04-03T13:30:00Z"));
            assertThat(o.metadata.fields().get(col(o, "res_title")).type()).isEqualTo(Datatype.UNICODE_CHAR);
        });
        READS.put("votable/binary2-bounded-varchar-128star.xml", o -> {
            rows(o, 1);
            cell(o, 0, "access_format", "application/x-votable+xml;content=datalink");
        });
        READS.put("votable/binary2-gaia-job-result.xml", o -> {
            rows(o, 5);
            cell(o, 0, "source_id", 5991063320161776768L);
            cell(o, 0, "ra", 242.61876101083934);
            cell(o, 0, "parallax", null);
            cell(o, 0, "astrometric_n_obs_al", 138);
            cell(o, 1, "source_id", 5990982265543313408L);
        });
        READS.put("votable/binary2-gaia-masked-strings.xml", o -> {
            rows(o, 3);
            cell(o, 0, "source_id", 5966029325870896512L);
            cell(o, 0, "datalink_url", "http://geadata.esac.esa.int/data-server/datalink/links?ID=5966029325870896512");
            // flagged null and empty: null either way (DIGEST 7.2)
            cell(o, 0, "epoch_photometry_url", null);
            cell(o, 0, "a_g_val", null);
            assertThat(o.document.resources().get(0).coordinateSystems()).anyMatch(
                    c -> c.id().equals(Optional.of("GAIADR2")) && c.epoch().equals(Optional.of("J2015.5")));
        });
        READS.put("votable/cadc-dali-tabledata-same-table.xml", FixtureDocumentsTest::daliTable);
        READS.put("votable/empty-table-no-data.xml", o -> {
            rows(o, 0);
            assertThat(o.metadata.fields()).extracting(f -> f.name()).containsExactly("unsignedByte", "short");
        });
        READS.put("votable/tabledata-all-datatypes-v1.3-truth.xml", FixtureDocumentsTest::allDatatypes);
        READS.put("votable/tabledata-esa-hst-v1.2.xml", o -> {
            rows(o, 119);
            cell(o, 0, "OBSERVATION_ID", "u5850104r");
            cell(o, 0, "START_TIME_MJD", 51382.627934027776);
            cell(o, 0, "MEMBERS_NO", 0);
            cell(o, 0, "RUN_ID", "04");
        });
        READS.put("votable/tabledata-simbad-unicodechar.xml", o -> {
            rows(o, 115);
            cell(o, 0, "name", "mesDiameter");
            cell(o, 0, "description", "Collection of stellar diameters.");
            cell(o, 0, "type", "table");
        });
        READS.put("votable/tabledata-unicodechar-dataset.xml", o -> {
            rows(o, 3);
            cell(o, 2, "dataformat", "application/x-votable+xml;content=datalink");
            cell(o, 0, "dataurl", "http://example.com/querydata/image.fits");
        });
        READS.put("votable/tabledata-v1.1-nrows-precision.xml", o -> {
            rows(o, 1);
            cell(o, 0, "Name", "SSTGLMC G000.0000+00.1611");
            cell(o, 0, "GLAT", 0.1611f);
            cell(o, 0, "Jmag", null);
            cell(o, 0, "f_Name", "AA");
            assertThat(o.metadata.nrows()).hasValue(18949);
            assertThat(o.document.resources().get(0).id()).contains("aj285677t2_votable");
        });
        READS.put("votable/tabledata-vizier-null-values-v1.2.xml", o -> {
            rows(o, 14);
            cell(o, 0, "Prog", "N032");
            cell(o, 0, "tos", 16800);
            cell(o, 0, "Vel", -5.5f);
            cell(o, 0, "_RAJ2000", 307.35362);
            cell(o, 1, "tos", 1140);
        });
        READS.put("votable/timesys.xml", o -> {
            rows(o, 1);
            cell(o, 0, "obs_time", 1821.2846388435);
            cell(o, 0, "flux", 168.358f);
            assertThat(o.document.resources().get(0).timeSystems()).hasSize(4);
            assertThat(o.document.resources().get(0).timeSystems().get(0).timeScale()).contains("TCB");
            assertThat(o.metadata.fields().get(0).ref()).isPresent();
        });
        Consumer<Outcome> astropyQuery = o -> {
            rows(o, 3);
            cell(o, 0, "1", 23L);
            cell(o, 1, "2", "Don't panic, and always carry a towel");
            cell(o, 2, "2", "Elite");
        };
        READS.put("status/first-resource-not-results.xml", astropyQuery);
        READS.put("status/query-status-at-root.xml", o -> {
            astropyQuery.accept(o);
            assertThat(o.document.infos()).anyMatch(i -> i.name().equals("QUERY_STATUS"));
            assertThat(o.overflow).isFalse();
        });
        READS.put("status/query-status-in-table.xml", o -> {
            astropyQuery.accept(o);
            assertThat(o.metadata.infos()).anyMatch(i -> i.name().equals("QUERY_STATUS"));
        });
        READS.put("status/overflow-trailing-info.xml", o -> {
            astropyQuery.accept(o);
            assertThat(o.overflow).isTrue();
        });
        READS.put("status/missing-columns.xml", o -> {
            rows(o, 3);
            assertThat(o.metadata.fields()).isEmpty();
        });
        READS.put("status/overflow-vizier-binary.xml", o -> {
            rows(o, 20);
            assertThat(o.overflow).isTrue();
            cell(o, 0, "PNG", "G209.1-08.2");
            cell(o, 0, "Name", "PHR0615-0025");
            cell(o, 0, "RAJ2000", 93.835);
            cell(o, 0, "MajDiam", 100.0f);
            cell(o, 0, "CS", null);
            cell(o, 0, "Morph", "R");
            cell(o, 0, "ObsDate", 2453377);
            cell(o, 19, "AssocData", "fits");
        });
        Consumer<Outcome> links = o -> {
            assertThat(o.metadata.fields()).extracting(f -> f.name()).contains("ID", "access_url", "service_def",
                    "error_message", "semantics", "content_length");
            assertThat(o.rows).allSatisfy(r -> assertThat(r.getString(o.metadata.columnIndex("ID"))).isNotBlank());
        };
        READS.put("datalink/alma-links-recursive.xml", o -> {
            links.accept(o);
            rows(o, 8);
            cell(o, 0, "semantics", "#this");
            cell(o, 0, "content_length", 1359360L);
            cell(o, 0, "readable", true);
            cell(o, 1, "service_def", "SODA.sync");
            assertThat(o.document.serviceDescriptors()).extracting(r -> r.id().orElse("")).contains("SODA.sync");
        });
        READS.put("datalink/alma-links.xml", o -> {
            links.accept(o);
            rows(o, 9);
            assertThat(o.document.serviceDescriptors()).hasSize(2);
        });
        READS.put("datalink/cadc-caom2ops-links-cutout1.xml", o -> {
            links.accept(o);
            rows(o, 6);
            descriptorsResolve(o);
        });
        READS.put("datalink/cadc-caom2ops-links-cutout2.xml", o -> {
            links.accept(o);
            rows(o, 3);
            descriptorsResolve(o);
        });
        READS.put("datalink/casda-links-error-message.xml", o -> {
            links.accept(o);
            rows(o, 1);
            cell(o, 0, "access_url", null);
            assertThat(o.rows.get(0).getString(col(o, "error_message"))).isNotBlank();
        });
        READS.put("datalink/casda-links.xml", o -> {
            links.accept(o);
            rows(o, 6);
            assertThat(o.document.serviceDescriptors()).extracting(r -> r.id().orElse(""))
                    .containsExactly("async_service", "cutout_service", "spectrum_generation_service");
        });
        READS.put("datalink/dachs-links-proc.xml", o -> {
            links.accept(o);
            rows(o, 4);
            assertThat(o.document.serviceDescriptors()).hasSize(1);
            Resource d = o.document.serviceDescriptors().get(0);
            assertThat(d.groups()).anyMatch(g -> g.name().equals(Optional.of("inputParams")));
        });
        READS.put("datalink/obscore-with-datalink-descriptor.xml", o -> {
            rows(o, 3);
            Resource d = o.document.serviceDescriptors().get(0);
            Param id = d.groups().stream().flatMap(g -> g.params().stream()).filter(p -> p.name().equals("ID"))
                    .findFirst().orElseThrow();
            String ref = id.field().ref().orElseThrow();
            assertThat(o.metadata.fields()).anyMatch(f -> f.id().equals(Optional.of(ref)));
            assertThat(o.rows.get(0).getString(col(o, "obs_publisher_did"))).startsWith("ivo://cadc.nrc.ca/");
        });
        READS.put("datalink/soda-descriptor-proc.xml", o -> {
            links.accept(o);
            rows(o, 5);
            assertThat(o.document.serviceDescriptors()).extracting(r -> r.id().orElse("")).containsExactly("procsvc");
        });
        READS.put("datalink/ssa-with-datalink-unicode-interval.xml", o -> {
            rows(o, 1);
            int arr = col(o, "location_arr");
            assertThat(o.rows.get(0).getShape(arr, XtypeValue.Kind.POINT).size()).isEqualTo(2);
            assertThat(o.document.serviceDescriptors()).hasSize(2);
        });
        READS.put("dachs/async_result.vot.xml", o -> {
            rows(o, 5);
            cell(o, 0, "publisherID", "ivo://cadc.nrc.ca/CFHT?2366419/2366419o");
            cell(o, 4, "publisherID", "ivo://cadc.nrc.ca/CFHT?2366464/2366464o");
            cell(o, 4, "dataProductType", "image");
            assertThat(o.metadata.description()).contains("CAOM-2 Planes (data products), synthetic.");
        });
        READS.put("dachs/async_upload_result.vot.xml", o -> {
            rows(o, 2);
            cell(o, 0, "pid", "ivo://cadc.nrc.ca/CFHT?2366419/2366419p");
            cell(o, 1, "productID", "2366419o");
        });
        READS.put("dachs/datalink_multi_id_with_unknown.vot.xml", o -> {
            rows(o, 7);
            cell(o, 0, "content_length", null);
            cell(o, 2, "content_length", 40320L);
            cell(o, 6, "error_message", "NotFoundFault: No plane with this publisherID known here.");
            Resource d = o.document.serviceDescriptors().get(1);
            assertThat(d.id()).contains("procsvc0");
            assertThat(d.param("accessURL").map(Param::value)).contains("http://127.0.0.1:8089/caom2/q/sync/dlget");
            Group inputs = d.groups().get(0);
            Param kind = inputs.params().stream().filter(p -> p.name().equals("KIND")).findFirst().orElseThrow();
            assertThat(kind.field().values().options()).extracting(x -> x.value()).containsExactly("HEADER", "DATA");
            Param ra = inputs.params().stream().filter(p -> p.name().equals("RA")).findFirst().orElseThrow();
            assertThat(ra.field().values().min()).contains("131.21898146179527");
            assertThat(ra.isNull()).isTrue();
        });
        READS.put("dachs/datalink_one_id.vot.xml", o -> {
            rows(o, 3);
            cell(o, 0, "service_def", "procsvc");
            cell(o, 1, "access_url", "http://127.0.0.1:8089/getproduct/caom2/data/fits/CFHT_2366419p.fits");
            assertThat(o.document.serviceDescriptors().get(0).param("standardID").map(Param::value))
                    .contains("ivo://ivoa.net/std/SODA#sync-1.0");
        });
        READS.put("dachs/sync_binary_encoding.vot.xml", o -> {
            rows(o, 3);
            cell(o, 0, "obsID", "00b783ec-916b-4be8-8f58-4d27366e95ea");
            cell(o, 0, "collection", "CFHT");
            cell(o, 0, "sequenceNumber", 0x241f0c);
            cell(o, 1, "sequenceNumber", null);
            cell(o, 2, "collection", "GEMINI");
        });
        READS.put("dachs/sync_enumfield.vot.xml", o -> {
            rows(o, 7);
            assertThat(o.metadata.fields()).extracting(f -> f.name()).containsExactly("collection", "energy_emBand");
        });
        READS.put("dachs/sync_maxrec3_overflow.vot.xml", o -> {
            rows(o, 3);
            cell(o, 2, "collection", "GEMINI");
            assertThat(o.overflow).isTrue();
        });
        READS.put("dachs/sync_obscore.vot.xml", o -> {
            rows(o, 3);
            cell(o, 0, "calib_level", (short) 1);
            cell(o, 0, "obs_publisher_did", "ivo://cadc.nrc.ca/CFHT?2366419/2366419o");
            cell(o, 0, "s_ra", 131.32860430092916);
            cell(o, 0, "dataproduct_subtype", null);
            assertThat(o.rows.get(0).getString(col(o, "s_region"))).startsWith("Polygon ICRS 131.5399423");
            assertThat(o.document.serviceDescriptors()).hasSize(1);
        });
        READS.put("dachs/sync_query_region_cfht.vot.xml", o -> {
            rows(o, 26);
            int pos = col(o, "targetPosition_coordinates");
            assertThat(o.metadata.fields().get(pos).xtype()).contains("point");
            assertThat(o.rows).allSatisfy(r -> {
                if (!r.isNull(pos)) {
                    assertThat(r.getShape(pos, XtypeValue.Kind.POINT).size()).isEqualTo(2);
                }
            });
        });
        READS.put("dachs/sync_upload_join.vot.xml", o -> {
            rows(o, 2);
            assertThat(o.metadata.fields()).extracting(f -> f.name()).containsExactly("pid", "productID",
                    "calibrationLevel");
        });
        READS.put("dachs/upload_input.vot.xml", o -> {
            rows(o, 3);
            assertThat(o.metadata.fields().get(0).shape().dimension(0)).isEqualTo(39);
            assertThat(o.values).allSatisfy(v -> assertThat((String) v[0]).startsWith("ivo://"));
        });

        fail("votable/cadc-dali-binary2-dialect-nulls.xml", ProtocolViolationException.class, "CADC_NULLS_OMITTED");
        // astropy's torture document puts 256 in an unsignedByte ("should overflow to 0"); cadc4j refuses to guess
        fail("votable/tabledata-all-datatypes-v1.1.xml", ProtocolViolationException.class,
                "column 6 'unsignedByte' (unsignedByte): '256' is out of range for unsignedByte [in row 2");
        fail("dachs/uws_unknown_job.xml", QueryException.class, "UWS job 'nosuchjob' could not be located");
        fail("votable/no-resource.xml", ProtocolViolationException.class, "no TABLE");
        fail("status/missing-resource.xml", ProtocolViolationException.class, "no TABLE");
        fail("status/missing-table.xml", ProtocolViolationException.class, "no TABLE");
        fail("status/error-irsa-legacy-no-namespace.xml", QueryException.class,
                "Either wrong or missing coordinate/object name.");
        fail("status/error-query-status-error.xml", QueryException.class, "ERROR");
        fail("status/error-scs-info-resource.xml", QueryException.class, "Error in input RA value: as3f");
        fail("status/error-scs-info-root.xml", QueryException.class, "Error in input RA value: as3f");
        fail("status/error-scs-param-definitions.xml", QueryException.class, "Invalid data type: text/html");
        fail("status/error-scs-param-resource.xml", QueryException.class, "Invalid data type: text/html");
        fail("status/error-vizier-query-status-error.xml", QueryException.class, "Couldn't connect with server");
        fail("dachs/sync_error_bad_adql.vot.xml", QueryException.class,
                "No such field known: column 'nosuchcol' could not be located in table metadata");
        fail("dachs/sync_error_no_table.vot.xml", QueryException.class, "Could not locate table 'caom2.nosuchtable'");
        fail("dachs/sync_error_syntax.vot.xml", QueryException.class, "Expected \"SELECT\", found 'S'");
        fail("dachs/uws_job_error_document.vot.xml", QueryException.class, "nosuchcol");
        fail("datalink/cadc-datalink-mismatched-ref-template.xml", ProtocolViolationException.class, "no TABLE");
        fail("datalink/cadc-datalink-valid-template.xml", ProtocolViolationException.class, "no TABLE");
        fail("datalink/cadc-publisherID-links-descriptor-template.xml", ProtocolViolationException.class, "no TABLE");
        for (String doc : NOT_VOTABLE_DOCUMENTS) {
            fail(doc, ProtocolViolationException.class, "not a VOTable");
        }
    }

    private static void fail(String doc, Class<? extends Exception> type, String text) {
        FAILS.put(doc, type);
        FAIL_TEXT.put(doc, text);
    }

    private static int col(Outcome o, String name) {
        return o.metadata.columnIndex(name);
    }

    private static void rows(Outcome o, int n) {
        assertThat(o.rows).hasSize(n);
    }

    private static void cell(Outcome o, int row, String column, Object expected) {
        int c = col(o, column);
        Object actual = o.values.get(row)[c];
        assertThat(actual).as("row %d column %s", row, column).isEqualTo(expected);
        assertThat(o.rows.get(row).getObject(c)).isEqualTo(expected);
        assertThat(o.rows.get(row).isNull(c)).isEqualTo(expected == null);
    }

    private static void descriptorsResolve(Outcome o) {
        int def = col(o, "service_def");
        List<String> ids = new ArrayList<>();
        o.document.serviceDescriptors().forEach(r -> ids.add(r.id().orElse("")));
        for (Object[] v : o.values) {
            if (v[def] != null) {
                assertThat(ids).contains((String) v[def]);
            }
        }
        Resource first = o.document.serviceDescriptors().get(0);
        assertThat(first.param("standardID").map(Param::value).orElse("")).startsWith("ivo://ivoa.net/std/SODA#");
        assertThat(first.groups().get(0).params()).anyMatch(p -> p.name().equals("ID"));
    }

    static void daliTable(Outcome o) {
        daliTable(o, false);
    }

    /** @param binary2 whether the document is BINARY2, whose null flags alone say null */
    static void daliTable(Outcome o, boolean binary2) {
        rows(o, 6);
        cell(o, 0, "publisherID", "ivo://cadc.nrc.ca/CFHT?2366410/2366410o");
        cell(o, 0, "ra", 131.28125);
        cell(o, 0, "n", 0);
        cell(o, 0, "target_name", "Nr3491_1");
        cell(o, 0, "exptime", 120.5f);
        cell(o, 1, "ra", null);
        cell(o, 1, "n", null);
        cell(o, 1, "target_name", null);
        cell(o, 1, "exptime", 121.5f);
        cell(o, 2, "n", 14);
        cell(o, 2, "target_name", "M31");
        cell(o, 3, "n", null);
        // written <TD></TD> in TABLEDATA (null) and as a zero-length string with a clear null flag in
        // BINARY2 (the empty string)
        cell(o, 3, "target_name", binary2 ? "" : null);
        cell(o, 4, "ra", null);
        cell(o, 4, "n", 28);
        cell(o, 4, "exptime", null);
        cell(o, 5, "publisherID", "ivo://cadc.nrc.ca/CFHT?2366415/2366415o");
        cell(o, 5, "target_name", "NGC 1234");
        cell(o, 5, "exptime", 125.5f);
    }

    private static void allDatatypes(Outcome o) {
        rows(o, 5);
        cell(o, 0, "string test", "String & test");
        cell(o, 1, "string test", "String &amp; test");
        cell(o, 0, "fixed string test", "Fixed stri");
        cell(o, 0, "unicode_test", "Ceçi n'est pas un pipe");
        cell(o, 1, "unicode_test", "வணக்கம்");
        cell(o, 0, "unsignedByte", (short) 128);
        cell(o, 1, "unsignedByte", (short) 255);
        cell(o, 0, "short", (short) 4096);
        cell(o, 1, "short", (short) 32767);
        cell(o, 2, "short", (short) -4096);
        cell(o, 0, "int", 268435456);
        cell(o, 1, "int", 2147483647);
        cell(o, 0, "long", 922337203685477L);
        cell(o, 2, "long", -1152921504606846976L);
        cell(o, 0, "double", 8.9990234375);
        cell(o, 2, "double", Double.POSITIVE_INFINITY);
        cell(o, 0, "float", 1.0f);
        cell(o, 0, "bit", true);
        cell(o, 1, "bit", false);
        assertThat((boolean[]) o.values.get(0)[col(o, "bitarray")])
                .containsExactly(true, false, true, true, false, true);
        assertThat((long[]) o.values.get(1)[col(o, "array")]).containsExactly(42, 32, 12, 32);
        assertThat((long[]) o.values.get(2)[col(o, "array")]).containsExactly(12, 34, 56, 78, 87, 65, 43, 21);
        assertThat((double[]) o.values.get(0)[col(o, "doubleComplexArrayFixed")]).containsExactly(0, 0, 0, 0);
        assertThat((float[]) o.values.get(2)[col(o, "floatComplex")]).containsExactly(0f, -1f);
        cell(o, 0, "boolean", true);
        cell(o, 1, "boolean", false);
        assertThat((boolean[]) o.values.get(1)[col(o, "booleanArray")]).containsExactly(true, true, false, true);
        assertThat((int[]) o.values.get(2)[col(o, "nulls_array")]).containsExactly(-9, 0, -9, 1);
        double[] da = (double[]) o.values.get(1)[col(o, "doublearray")];
        assertThat(Arrays.copyOf(da, 4)).containsExactly(0.0, 1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        assertThat(da[4]).isNaN();
        cell(o, 0, "precision1", 1.33);
        cell(o, 2, "precision2", 1.0E34);
        assertThat(o.metadata.fields().get(col(o, "precision1")).precision()).contains("E3");
        assertThat(o.metadata.groups()).isNotEmpty();
        assertThat(o.metadata.groups().stream().flatMap(g -> g.fieldRefs().stream())).contains("boolean");
        cell(o, 2, "nulls", 2);
        cell(o, 0, "nulls", 0);
    }

    static Stream<Arguments> documentsAndChunkings() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String doc : allDocuments()) {
            for (Chunking c : Chunking.values()) {
                out.add(Arguments.of(doc, c));
            }
        }
        return out.stream();
    }

    static List<String> allDocuments() throws IOException {
        List<String> docs = new ArrayList<>();
        for (String dir : List.of("votable", "status", "datalink", "dachs")) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(Fixtures.dir().resolve(dir))) {
                for (Path p : ds) {
                    String n = p.getFileName().toString();
                    if (n.endsWith(".xml") || n.endsWith(".vot")) {
                        docs.add(dir + "/" + n);
                    }
                }
            }
        }
        docs.sort(null);
        return docs;
    }

    @Test
    void everyFixtureDocumentHasAnExpectation() throws IOException {
        List<String> docs = allDocuments();
        assertThat(docs).hasSizeGreaterThan(60);
        for (String doc : docs) {
            assertThat(READS.containsKey(doc) || FAILS.containsKey(doc)).as("expectation for %s", doc).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("documentsAndChunkings")
    void readsEveryFixtureDocumentWithTheExpectedValuesInAnyChunking(String doc, Chunking chunking) {
        if (FAILS.containsKey(doc)) {
            assertThatThrownBy(() -> ReadAll.read(doc, chunking)).isInstanceOf(FAILS.get(doc))
                    .hasMessageContaining(FAIL_TEXT.get(doc));
            return;
        }
        READS.get(doc).accept(ReadAll.read(doc, chunking));
    }

    @Test
    void readsCadcDialectDocumentWhenTheLayoutIsSelected() {
        Outcome o = ReadAll.read(VOTableReader.builder().binary2Layout(Binary2Layout.CADC_NULLS_OMITTED).build(),
                Chunking.RANDOM_CHUNKS.open(Fixtures.bytes("votable/cadc-dali-binary2-dialect-nulls.xml")));
        daliTable(o, true);
    }

    @Test
    void queryErrorCarriesTheServersTextVerbatim() {
        assertThatThrownBy(() -> ReadAll.read("dachs/sync_error_syntax.vot.xml", Chunking.WHOLE))
                .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.serverMessage()).isEqualTo(
                        "Field query: Could not parse your query: Expected \"SELECT\", found 'S'  (at char 0),"
                                + " (line:1, col:1)"));
    }

    @Test
    void readsTemplatesWithoutTablesAsMetadata() {
        VOTableReader reader = VOTableReader.builder().build();
        var doc = reader.readMetadata(Chunking.ONE_BYTE.open(
                Fixtures.bytes("datalink/cadc-publisherID-links-descriptor-template.xml")));
        assertThat(doc.serviceDescriptors()).hasSize(1);
        Resource d = doc.serviceDescriptors().get(0);
        assertThat(d.param("standardID").map(Param::value).orElse("")).contains("links-1.1");
        assertThat(d.param("resourceIdentifier")).isPresent();
    }
}
