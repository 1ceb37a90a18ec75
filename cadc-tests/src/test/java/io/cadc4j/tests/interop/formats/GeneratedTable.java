// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.tests.interop.formats;

import java.nio.charset.StandardCharsets;

/**
 * A VOTable made for the format tests: every VOTable datatype, scalars and arrays (fixed,
 * variable, two-dimensional), nulls in every column (declared VALUES/@null and empty cells), text
 * outside ASCII, units, UCDs, xtypes, descriptions that need YAML quoting, and a column name longer
 * than a FITS card value.
 *
 * <p>Immutable.
 */
final class GeneratedTable {
    /** A column name of 80 characters: past the 68 a FITS string value holds on one card. */
    static final String LONG_NAME = "an_exceptionally_long_column_name_that_does_not_fit_on_one_fits_card_at_all_xyz";

    private static final String[][] FIELDS = {
        // name, attributes, VALUES null (or null)
        {"b_bool", "datatype=\"boolean\" ucd=\"meta.code\"", null},
        {"u_byte", "datatype=\"unsignedByte\" unit=\"count\"", "255"},
        {"i_short", "datatype=\"short\"", null},
        {"i_int", "datatype=\"int\" ucd=\"meta.number\"", "-999"},
        {"i_long", "datatype=\"long\" ucd=\"meta.id;meta.main\"", null},
        {"f_float", "datatype=\"float\" unit=\"mag\" ucd=\"phot.mag\"", null},
        {"ra", "datatype=\"double\" unit=\"deg\" ucd=\"pos.eq.ra;meta.main\"", null},
        {"s_char", "datatype=\"char\" arraysize=\"*\" ucd=\"meta.id\"", null},
        {"s_fixed", "datatype=\"char\" arraysize=\"8\"", null},
        {"s_unicode", "datatype=\"unicodeChar\" arraysize=\"*\"", null},
        {"t_obs", "datatype=\"char\" arraysize=\"*\" xtype=\"timestamp\" ucd=\"time.start\"", null},
        {"a_double3", "datatype=\"double\" arraysize=\"3\" unit=\"m\"", null},
        {"a_int_var", "datatype=\"int\" arraysize=\"*\"", null},
        {"a_float_2x2", "datatype=\"float\" arraysize=\"2x2\"", null},
        {"pt", "datatype=\"double\" arraysize=\"2\" xtype=\"point\" unit=\"deg\" ucd=\"pos.eq\"", null},
        {LONG_NAME, "datatype=\"double\" unit=\"km/s\"", null},
    };

    private static final String[] DESCRIPTIONS = {
        "yes",
        "Counts: per frame, in [0, 254]",
        "A short, with a \"quoted\" word",
        "on",
        "An identifier # not a comment",
        "Magnitude in the Ångström band — 5σ",
        "Right ascension (ICRS), J2000: 'the' main position",
        "- a leading dash, and a trailing colon:",
        "Fixed 8 characters",
        "Text in any script: 日本語, Ελληνικά, emoji 🔭",
        "Start of the exposure (UTC)",
        "Three doubles\nover two lines",
        "A variable number of ints",
        "A 2x2 matrix of floats",
        "A DALI point",
        "A column whose name is long",
    };

    private static final String[][] ROWS = {
        {"T", "0", "-32767", "-2147483647", "-9223372036854775807", "1.5", "0.0", "plain", "abcdefgh",
            "Ångström", "2020-01-02T03:04:05.678", "1 2 3", "1 2 3 4 5", "1 2 3 4", "10.5 -20.25", "299792.458"},
        {"F", "254", "32767", "2147483647", "9223372036854775807", "-1e-30", "359.999999999", "with, comma",
            "x", "日本語テキスト", "1999-12-31T23:59:59", "-1.5e300 2.5e-300 0", "", "-0.5 0.25 NaN 1e10",
            "0 90", "-0.0"},
        {"", "", "", "-999", "", "", "", "", "", "", "", "", "", "", "", ""},
        {"T", "7", "0", "0", "0", "3.4028235e38", "180", "with \"quotes\" and 'apostrophes'", "12345678",
            "emoji 🔭 and Ελληνικά", "2000-01-01T00:00:00", "NaN 1 NaN", "-7", "1 NaN 3 4", "1 2",
            "Infinity"},
        {"F", "1", "-1", "-1", "-1", "-Infinity", "1e-300", "  leading and trailing  ", "  ", "", "1970-01-01",
            "0 0 0", "2147483647 -2147483647", "0 0 0 0", "359.9 -89.9", "6.02214076e23"},
    };

    private GeneratedTable() {
    }

    /** The number of rows. */
    static int rows() {
        return ROWS.length;
    }

    /** The VOTable document, TABLEDATA, UTF-8. */
    static byte[] votable() {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n");
        b.append("<RESOURCE type=\"results\">\n<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n");
        b.append("<TABLE name=\"generated\">\n<DESCRIPTION>Every datatype, nulls and arrays</DESCRIPTION>\n");
        for (int i = 0; i < FIELDS.length; i++) {
            b.append("<FIELD name=\"").append(xml(FIELDS[i][0])).append("\" ").append(FIELDS[i][1]).append(">");
            b.append("<DESCRIPTION>").append(xml(DESCRIPTIONS[i])).append("</DESCRIPTION>");
            if (FIELDS[i][2] != null) {
                b.append("<VALUES null=\"").append(FIELDS[i][2]).append("\"/>");
            }
            b.append("</FIELD>\n");
        }
        b.append("<DATA><TABLEDATA>\n");
        for (String[] row : ROWS) {
            b.append("<TR>");
            for (String cell : row) {
                b.append("<TD>").append(xml(cell)).append("</TD>");
            }
            b.append("</TR>\n");
        }
        b.append("</TABLEDATA></DATA></TABLE>\n</RESOURCE>\n</VOTABLE>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace("\n", "&#10;");
    }
}
