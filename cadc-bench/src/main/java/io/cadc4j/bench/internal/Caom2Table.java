// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.bench.internal;

import io.cadc4j.bench.internal.Column.Kind;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic source of rows shaped like a CAOM2 plane query result from CADC's TAP service (the columns of
 * {@code caom2.Observation} joined with {@code caom2.Plane}, about 40 of them, about 10 % of the cells null).
 * The same seed always gives the same rows, so every trial, every format and every reader sees the same table.
 * Single-threaded: each instance is a position in one stream of rows.
 */
public final class Caom2Table {
    /** The seed that every benchmark and test uses. */
    public static final long SEED = 20_260_321L;

    /** The columns, in FIELD order. */
    public static final List<Column> COLUMNS = List.of(
            col("planeURI", Kind.STRING, "meta.ref.uri", null, false),
            col("publisherID", Kind.STRING, "meta.ref.ivoid", null, false),
            col("collection", Kind.STRING, "meta.id", null, false),
            col("observationID", Kind.STRING, "meta.id", null, false),
            col("productID", Kind.STRING, "meta.id", null, false),
            col("sequenceNumber", Kind.INT, "meta.number", null, true),
            col("type", Kind.STRING, "meta.code", null, true),
            col("intent", Kind.STRING, "meta.code", null, false),
            col("target_name", Kind.STRING, "meta.id;src", null, true),
            col("target_type", Kind.STRING, "src.class", null, true),
            col("target_moving", Kind.BOOLEAN, "meta.code", null, true),
            col("telescope_name", Kind.STRING, "instr.tel", null, true),
            col("instrument_name", Kind.STRING, "instr", null, true),
            col("proposal_id", Kind.STRING, "meta.id;obs.proposal", null, true),
            col("proposal_pi", Kind.STRING, "meta.id.PI", null, true),
            col("proposal_title", Kind.STRING, "meta.title;obs.proposal", null, true),
            col("dataProductType", Kind.STRING, "meta.code.class", null, true),
            col("calibrationLevel", Kind.INT, "meta.code;obs.calib", null, false),
            col("dataRelease", Kind.TIMESTAMP, "time.release", null, true),
            col("metaRelease", Kind.TIMESTAMP, "time.release", null, false),
            col("lastModified", Kind.TIMESTAMP, "time.epoch", null, false),
            col("s_ra", Kind.DOUBLE, "pos.eq.ra", "deg", true),
            col("s_dec", Kind.DOUBLE, "pos.eq.dec", "deg", true),
            col("s_fov", Kind.DOUBLE, "phys.angSize", "deg", true),
            col("s_resolution", Kind.DOUBLE, "pos.angResolution", "arcsec", true),
            col("position_bounds", Kind.POLYGON, "pos.outline;obs.field", "deg", true),
            col("t_min", Kind.DOUBLE, "time.start;obs.exposure", "d", true),
            col("t_max", Kind.DOUBLE, "time.end;obs.exposure", "d", true),
            col("t_exptime", Kind.DOUBLE, "time.duration;obs.exposure", "s", true),
            col("t_resolution", Kind.DOUBLE, "time.resolution", "s", true),
            col("em_min", Kind.DOUBLE, "em.wl;stat.min", "m", true),
            col("em_max", Kind.DOUBLE, "em.wl;stat.max", "m", true),
            col("em_res_power", Kind.DOUBLE, "spect.resolution", null, true),
            col("energy_bandpassName", Kind.STRING, "instr.bandpass", null, true),
            col("position_naxis1", Kind.LONG, "meta.number", "pix", true),
            col("position_naxis2", Kind.LONG, "meta.number", "pix", true),
            col("energy_naxis", Kind.LONG, "meta.number", "pix", true),
            col("quality_flag", Kind.STRING, "meta.code.qual", null, true),
            col("planeID", Kind.LONG, "meta.id", null, false),
            col("fileSize", Kind.LONG, "phys.size", "byte", true));

    /** Probability that a nullable cell is null: 31 of the 40 columns are nullable, so about 10 % of all cells. */
    private static final double NULL_PROBABILITY = 0.13;

    private static final String[] COLLECTIONS = {"CFHT", "CFHT", "CFHT", "JCMT", "HST", "GEMINI", "DAO", "NEOSSAT",
        "VLASS", "TESS", "MAST", "CFHTMEGAPIPE"};
    private static final String[] PRODUCT_SUFFIXES = {"o", "p", "b", "f", "d", "x", "s"};
    private static final String[] TYPES = {"OBJECT", "OBJECT", "OBJECT", "FLAT", "BIAS", "DARK", "ARC"};
    private static final String[] TARGETS = {"M31", "NGC 224", "M 101", "Abell 1689", "HD 209458", "COSMOS",
        "XMM-LSS", "Orion Nebula", "3C 273", "Tau Ceti", "LMC", "SMC", "NGC 5128", "Coma cluster",
        "GRB 230307A", "Kepler-452", "Sgr A*", "Crab Nebula"};
    private static final String[] TELESCOPES = {"CFHT 3.6m", "JCMT 15m", "HST", "Gemini-North", "Gemini-South",
        "DAO 1.2-m", "NEOSSat", "VLA", "TESS"};
    private static final String[] INSTRUMENTS = {"MegaPrime", "WIRCam", "ESPaDOnS", "SPIRou", "SCUBA-2", "HARP",
        "ACS/WFC", "WFC3/UVIS", "GMOS-N", "NIRI", "McKellar Spectrograph", "NEOSSat_Science"};
    private static final String[] PIS = {"Gwyn, S.", "Hudson, M.", "Kavelaars, J.J.", "Ellison, S.", "Cote, P.",
        "Harris, W.", "Dressel, L."};
    private static final String[] TITLE_WORDS = {"survey", "of", "the", "deep", "wide", "field", "lensing",
        "clusters", "galaxies", "M31", "&", "M33", "exoplanet", "transits", "<dwarf>", "star-forming", "regions",
        "legacy", "time-domain", "monitoring"};
    private static final String[] PRODUCT_TYPES = {"image", "image", "image", "cube", "spectrum", "timeseries"};
    private static final String[] BANDS = {"u.MP9302", "g.MP9402", "r.MP9602", "i.MP9703", "z.MP9901", "J", "H",
        "Ks", "850um", "F606W", "F814W"};
    private static final String[] SEMESTER_AGENCIES = {"AP", "AQ", "BC", "BF", "AD"};
    private static final String[] QUALITY = {"junk"};
    private static final long EPOCH_2000 = 946_684_800L;
    private static final long TWENTY_FIVE_YEARS = 25L * 365 * 86_400;

    private final SplittableRandom random;
    private final StringBuilder text = new StringBuilder(128);

    /**
     * @param seed the seed of the row stream
     */
    public Caom2Table(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private static Column col(String name, Kind kind, String ucd, String unit, boolean nullable) {
        return new Column(name, kind, ucd, unit, nullable);
    }

    /**
     * Fills {@code cells} with the next row: {@link String}, {@link Double}, {@link Long}, {@link Integer},
     * {@link Boolean} or {@code double[]} by column kind, {@code null} for a null cell.
     *
     * @param cells an array of {@link #COLUMNS}{@code .size()} elements, overwritten
     */
    public void nextRow(Object[] cells) {
        String collection = pick(COLLECTIONS);
        long obsNumber = 1_000_000L + random.nextLong(3_000_000L);
        String observationID = collection.startsWith("CFHT") ? Long.toString(obsNumber)
                : collection.toLowerCase(Locale.ROOT) + "_" + obsNumber;
        String productID = collection.startsWith("CFHT") ? obsNumber + pick(PRODUCT_SUFFIXES)
                : observationID + "_" + pick(PRODUCT_SUFFIXES);
        double ra = random.nextDouble(0, 360);
        double dec = Math.toDegrees(Math.asin(random.nextDouble(-1, 1)));
        double fov = random.nextDouble(0.001, 1.5);
        double mjd = random.nextDouble(50_000, 61_000);
        double exptime = random.nextDouble(1, 3_600);
        double wavelength = random.nextDouble(3e-7, 9e-4);
        int i = 0;
        cells[i++] = "caom:" + collection + "/" + observationID + "/" + productID;
        cells[i++] = "ivo://cadc.nrc.ca/" + collection + "?" + observationID + "/" + productID;
        cells[i++] = collection;
        cells[i++] = observationID;
        cells[i++] = productID;
        cells[i++] = orNull((int) (obsNumber % 100_000));
        cells[i++] = orNull(pick(TYPES));
        cells[i++] = random.nextInt(10) < 8 ? "science" : "calibration";
        cells[i++] = orNull(pick(TARGETS));
        cells[i++] = orNull(random.nextBoolean() ? "object" : "field");
        cells[i++] = orNull(random.nextInt(20) == 0);
        cells[i++] = orNull(pick(TELESCOPES));
        cells[i++] = orNull(pick(INSTRUMENTS));
        cells[i++] = orNull(proposal());
        cells[i++] = orNull(pick(PIS));
        cells[i++] = orNull(title());
        cells[i++] = orNull(pick(PRODUCT_TYPES));
        cells[i++] = random.nextInt(4);
        long release = EPOCH_2000 + random.nextLong(TWENTY_FIVE_YEARS);
        cells[i++] = orNull(timestamp(release, random.nextInt(1000)));
        cells[i++] = timestamp(release - random.nextLong(86_400L * 365), random.nextInt(1000));
        cells[i++] = timestamp(release + random.nextLong(86_400L * 30), random.nextInt(1000));
        cells[i++] = orNull(ra);
        cells[i++] = orNull(dec);
        cells[i++] = orNull(fov);
        cells[i++] = orNull(random.nextDouble(0.05, 2.0));
        cells[i++] = orNull(polygon(ra, dec, fov));
        cells[i++] = orNull(mjd);
        cells[i++] = orNull(mjd + exptime / 86_400);
        cells[i++] = orNull(exptime);
        cells[i++] = orNull(exptime);
        cells[i++] = orNull(wavelength);
        cells[i++] = orNull(wavelength * random.nextDouble(1.01, 1.5));
        cells[i++] = orNull(random.nextDouble(1, 100_000));
        cells[i++] = orNull(pick(BANDS));
        cells[i++] = orNull((long) random.nextInt(512, 20_000));
        cells[i++] = orNull((long) random.nextInt(512, 20_000));
        cells[i++] = orNull((long) random.nextInt(1, 4_096));
        cells[i++] = random.nextInt(20) == 0 ? pick(QUALITY) : null;
        cells[i++] = random.nextLong();
        cells[i++] = orNull(random.nextLong(1L << 36));
        assert i == COLUMNS.size();
    }

    private <T> T orNull(T value) {
        return random.nextDouble() < NULL_PROBABILITY ? null : value;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A CFHT-style proposal id such as {@code 17BC04}. */
    private String proposal() {
        text.setLength(0);
        text.append(random.nextInt(10, 26)).append(pick(SEMESTER_AGENCIES));
        return two(random.nextInt(100)).toString();
    }

    private String title() {
        text.setLength(0);
        int words = random.nextInt(3, 9);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                text.append(' ');
            }
            text.append(pick(TITLE_WORDS));
        }
        return text.toString();
    }

    /** A DALI timestamp, {@code YYYY-MM-DDThh:mm:ss.SSS} in UTC, without a zone letter as CADC writes them. */
    private String timestamp(long epochSecond, int millis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, millis * 1_000_000, ZoneOffset.UTC);
        text.setLength(0);
        text.append(t.getYear()).append('-');
        two(t.getMonthValue()).append('-');
        two(t.getDayOfMonth()).append('T');
        two(t.getHour()).append(':');
        two(t.getMinute()).append(':');
        two(t.getSecond()).append('.');
        if (millis < 100) {
            text.append('0');
        }
        if (millis < 10) {
            text.append('0');
        }
        return text.append(millis).toString();
    }

    private StringBuilder two(int value) {
        if (value < 10) {
            text.append('0');
        }
        return text.append(value);
    }

    /** Four corners around the centre: the 8-value DALI polygon of a field of view. */
    private double[] polygon(double ra, double dec, double fov) {
        double h = fov / 2;
        double tilt = random.nextDouble(-0.01, 0.01);
        return new double[] {
            ra - h, dec - h + tilt, ra + h, dec - h - tilt, ra + h, dec + h - tilt, ra - h, dec + h + tilt};
    }
}
