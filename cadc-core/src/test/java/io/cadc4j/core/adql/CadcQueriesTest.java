// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.core.adql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cadc4j.core.sky.Angle;
import io.cadc4j.core.sky.Coordinates;
import io.cadc4j.core.sky.Fk5J2000;
import io.cadc4j.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CadcQueriesTest {
    private static final String REGION_PREFIX = "SELECT * from caom2.Observation o join caom2.Plane p ON o.obsID=p.obsID"
            + " WHERE INTERSECTS( CIRCLE('ICRS', ";
    private static final String REGION_SUFFIX =
            "), position_bounds) = 1 AND (quality_flag IS NULL OR quality_flag != 'junk')";

    /** The ADQL text a captured DaCHS answer echoes in its {@code INFO name="query"}. */
    private static String echoedQuery(String fixture) throws IOException {
        String xml = new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<INFO name=\"query\" value=\"([^\"]*)\"").matcher(xml);
        assertThat(m.find()).as("INFO query in %s", fixture).isTrue();
        return m.group(1).replace("&quot;", "\"").replace("&apos;", "'").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Test
    void collectionsQueryIsTheOneDachsAnsweredInTheCapturedDocument() throws IOException {
        assertThat(CadcQueries.collections())
                .isEqualTo("select distinct collection, energy_emBand from caom2.EnumField")
                .isEqualTo(echoedQuery("dachs/sync_enumfield.vot.xml"));
    }

    @Test
    void regionQueryMatchesTheAstroqueryTextInTheCapturedDocument() throws IOException {
        // The captured run sent the ICRS numbers and astroquery's old default radius 0.016666666666667.
        String adql = RegionQuery.builder(Fk5J2000.of(131.28125, 54.3))
                .radius(Angle.ofDegrees(0.016666666666667))
                .collection("CFHT")
                .build()
                .adql();
        assertThat(adql).isEqualTo(echoedQuery("dachs/sync_query_region_cfht.vot.xml"));
    }

    @Test
    void regionQueryCarriesTheSeedFk5NumbersCharacterForCharacter() {
        String adql = RegionQuery.builder(Fk5J2000.of(26.2812589776878, 23.299999818906816)).build().adql();
        assertThat(adql).isEqualTo(REGION_PREFIX + "26.2812589776878, 23.299999818906816, 0.016666666666666666"
                + REGION_SUFFIX);
    }

    @Test
    void regionQueryOfAnIcrsStringUsesItsFk5J2000EquivalentAndTheDefaultRadius() {
        String adql = CadcQueries.region(Coordinates.parse("01h45m07.5s +23d18m00s"));
        assertThat(adql).startsWith(REGION_PREFIX).endsWith(", 0.016666666666666666" + REGION_SUFFIX);
        String[] numbers = adql.substring(REGION_PREFIX.length(), adql.indexOf(')')).split(", ");
        assertThat(Double.parseDouble(numbers[0])).isCloseTo(26.2812589776878, within(1e-9));
        assertThat(Double.parseDouble(numbers[1])).isCloseTo(23.299999818906816, within(1e-9));
        assertThat(numbers[0]).isEqualTo("26.2812589776878");
    }

    @Test
    void regionQueryAddsCollectionThenImageClauses() {
        Fk5J2000 center = Fk5J2000.of(26.2812589776878, 23.299999818906816);
        String base = REGION_PREFIX + "26.2812589776878, 23.299999818906816, 0.01" + REGION_SUFFIX;
        RegionQuery.Builder builder = RegionQuery.builder(center).radius(Angle.parse("0.01 deg"));
        assertThat(builder.build().adql()).isEqualTo(base);
        assertThat(builder.collection("CFHT").build().adql()).isEqualTo(base + " AND collection='CFHT'");
        assertThat(builder.imagesOnly(true).build().adql())
                .isEqualTo(base + " AND collection='CFHT' AND dataProductType='image'");
        assertThat(RegionQuery.builder(center).radius(Angle.parse("0.01 deg")).imagesOnly(true).build().adql())
                .isEqualTo(base + " AND dataProductType='image'");
    }

    @Test
    void regionQueryWithCollectionViaTheStaticBuilder() {
        String adql = CadcQueries.region(Coordinates.parse("08h45m07.5s +54d18m00s"), Angle.parse("1 arcmin"), "CFHT");
        assertThat(adql).endsWith(", 0.016666666666666666" + REGION_SUFFIX + " AND collection='CFHT'");
        assertThat(CadcQueries.region(Coordinates.parse("08h45m07.5s +54d18m00s"), Angle.parse("1 arcmin")))
                .isEqualTo(CadcQueries.region(Coordinates.parse("08h45m07.5s +54d18m00s")));
    }

    @Test
    void regionQueryEscapesQuotesInTheCollection() {
        String adql = RegionQuery.builder(Fk5J2000.of(10, 20)).collection("X' OR '1'='1").build().adql();
        assertThat(adql).endsWith(" AND collection='X'' OR ''1''=''1'");
    }

    @Test
    void regionQueryRefusesNegativeRadiusBlankCollectionAndControlCharacters() {
        RegionQuery.Builder builder = RegionQuery.builder(Fk5J2000.of(10, 20));
        assertThatThrownBy(() -> builder.radius(Angle.ofDegrees(-0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radius cannot be negative");
        assertThatThrownBy(() -> builder.collection(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collection is blank");
        assertThatThrownBy(() -> builder.collection("CF\nHT"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThatThrownBy(() -> RegionQuery.builder((Coordinates) null))
                .isInstanceOf(NullPointerException.class).hasMessage("center");
        assertThatThrownBy(() -> builder.collection(null))
                .isInstanceOf(NullPointerException.class).hasMessage("collection");
    }

    @Test
    void regionQueryIsAValueWithAccessorsAndACopyingBuilder() {
        RegionQuery query = RegionQuery.builder(Fk5J2000.of(10, 20)).radius(Angle.ofArcseconds(3))
                .collection("CFHT").imagesOnly(true).build();
        assertThat(query.center()).isEqualTo(Fk5J2000.of(10, 20));
        assertThat(query.radius()).isEqualTo(Angle.ofArcseconds(3));
        assertThat(query.collection()).contains("CFHT");
        assertThat(query.imagesOnly()).isTrue();
        assertThat(query.toBuilder().build()).isEqualTo(query).hasSameHashCodeAs(query);
        assertThat(query.toBuilder().imagesOnly(false).build()).isNotEqualTo(query);
        assertThat(RegionQuery.builder(Fk5J2000.of(10, 20)).build().collection()).isEmpty();
        assertThat(query.toString()).contains("CFHT");
    }

    @Test
    void sodaPosUsesTheSameNumbersInDegrees() {
        RegionQuery query = RegionQuery.builder(Fk5J2000.of(26.2812589776878, 23.299999818906816))
                .radius(Angle.parse("0.01 deg")).build();
        assertThat(query.sodaPos()).isEqualTo("CIRCLE 26.2812589776878 23.299999818906816 0.01");
    }

    @Test
    void nameQueryLowerCasesTheNameInsideLikeWildcards() {
        assertThat(CadcQueries.targetName("Nr3491_1")).isEqualTo("select * from caom2.Observation o join caom2.Plane p"
                + " on o.obsID=p.obsID where lower(target_name) like '%nr3491_1%'");
        assertThat(CadcQueries.targetName("M31-A-6")).endsWith(" like '%m31-a-6%'");
    }

    @Test
    void nameQueryDoublesQuotes() {
        assertThat(CadcQueries.targetName("Barnard's Star")).endsWith(" like '%barnard''s star%'");
        assertThat(CadcQueries.targetName("x' or '1'='1")).endsWith(" like '%x'' or ''1''=''1%'");
    }

    @Test
    void nameQueryKeepsPercentAndUnderscoreAsLikeWildcardsAsAstroqueryDoes() {
        assertThat(CadcQueries.targetName("NGC_1275%")).endsWith(" like '%ngc_1275%%'");
    }

    @Test
    void nameQueryRefusesBlankNamesAndControlCharacters() {
        assertThatThrownBy(() -> CadcQueries.targetName(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> CadcQueries.targetName("  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> CadcQueries.targetName("M31\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThatThrownBy(() -> CadcQueries.targetName(null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
