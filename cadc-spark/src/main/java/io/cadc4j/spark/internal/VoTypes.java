// SPDX-License-Identifier: Apache-2.0
package io.cadc4j.spark.internal;

import io.cadc4j.core.table.ArraySize;
import io.cadc4j.core.table.Datatype;
import io.cadc4j.core.table.Field;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The VOTable-to-Spark type mapping (README, "Spark data source"):
 *
 * <table>
 *   <caption>VOTable FIELD to Spark type</caption>
 *   <tr><th>VOTable</th><th>Spark</th></tr>
 *   <tr><td>boolean, bit</td><td>BooleanType</td></tr>
 *   <tr><td>unsignedByte</td><td>ShortType (0 to 255; Spark's ByteType is signed)</td></tr>
 *   <tr><td>short, int, long</td><td>ShortType, IntegerType, LongType</td></tr>
 *   <tr><td>float, double</td><td>FloatType, DoubleType</td></tr>
 *   <tr><td>floatComplex, doubleComplex</td><td>struct&lt;real, imag&gt; of float, double</td></tr>
 *   <tr><td>char, unicodeChar (any one-dimensional arraysize)</td><td>StringType</td></tr>
 *   <tr><td>char with xtype timestamp</td><td>TimestampType</td></tr>
 *   <tr><td>char with two or more dimensions</td><td>ArrayType(StringType)</td></tr>
 *   <tr><td>any other type with an arraysize</td><td>ArrayType of the element's type, flattened, first index
 *       fastest</td></tr>
 * </table>
 *
 * <p>Every column is nullable. Each field's metadata keeps the VOTable attributes ({@code
 * votable.datatype}, {@code votable.arraysize}, {@code votable.xtype}, {@code unit}, {@code ucd},
 * {@code utype}, {@code description}); the reader builds its converters from them.
 */
public final class VoTypes {
    static final String DATATYPE = "votable.datatype";
    static final String ARRAYSIZE = "votable.arraysize";
    static final String XTYPE = "votable.xtype";

    private VoTypes() {
    }

    /**
     * The Spark schema of a VOTable's fields.
     *
     * @param fields the FIELDs
     * @return the schema
     * @throws IllegalArgumentException if two fields share a name (ignoring case)
     */
    public static StructType schema(List<Field> fields) {
        StructField[] out = new StructField[fields.size()];
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < out.length; i++) {
            Field f = fields.get(i);
            if (!seen.add(f.name().toLowerCase(Locale.ROOT))) {
                throw SourceOptions.bad("the result has two columns named '" + f.name()
                        + "'; give them distinct names in the query (AS)");
            }
            MetadataBuilder m = new MetadataBuilder().putString(DATATYPE, f.type().votableName());
            f.arraysize().ifPresent(a -> m.putString(ARRAYSIZE, a));
            f.xtype().ifPresent(x -> m.putString(XTYPE, x));
            f.unit().ifPresent(x -> m.putString("unit", x));
            f.ucd().ifPresent(x -> m.putString("ucd", x));
            f.utype().ifPresent(x -> m.putString("utype", x));
            f.description().ifPresent(x -> m.putString("description", x));
            out[i] = new StructField(f.name(), sparkType(f.type(), f.shape(), f.xtype().orElse(null)), true, m.build());
        }
        return new StructType(out);
    }

    /**
     * The Spark type of a VOTable datatype.
     *
     * @param t the datatype
     * @param shape its arraysize
     * @param xtype its xtype, or null
     * @return the Spark type
     */
    static DataType sparkType(Datatype t, ArraySize shape, String xtype) {
        if (t.isCharacter()) {
            if (isTimestamp(xtype) && shape.dimensionCount() <= 1) {
                return DataTypes.TimestampType;
            }
            return shape.dimensionCount() <= 1 ? DataTypes.StringType : DataTypes.createArrayType(DataTypes.StringType, true);
        }
        DataType element = element(t);
        if (shape.isScalar()) {
            return element;
        }
        return DataTypes.createArrayType(element, false);
    }

    private static DataType element(Datatype t) {
        switch (t) {
            case BOOLEAN:
            case BIT:
                return DataTypes.BooleanType;
            case UNSIGNED_BYTE:
            case SHORT:
                return DataTypes.ShortType;
            case INT:
                return DataTypes.IntegerType;
            case LONG:
                return DataTypes.LongType;
            case FLOAT:
                return DataTypes.FloatType;
            case DOUBLE:
                return DataTypes.DoubleType;
            case FLOAT_COMPLEX:
                return complex(DataTypes.FloatType);
            case DOUBLE_COMPLEX:
                return complex(DataTypes.DoubleType);
            default:
                throw new IllegalArgumentException("no Spark type for " + t);
        }
    }

    private static StructType complex(DataType part) {
        return new StructType(new StructField[] {
            new StructField("real", part, false, Metadata.empty()),
            new StructField("imag", part, false, Metadata.empty())});
    }

    /**
     * Whether an xtype marks a DALI timestamp.
     *
     * @param xtype the xtype, or null
     * @return true for {@code timestamp} or {@code adql:TIMESTAMP}
     */
    static boolean isTimestamp(String xtype) {
        return xtype != null && (xtype.equalsIgnoreCase("timestamp") || xtype.equalsIgnoreCase("adql:timestamp"));
    }

    /**
     * The VOTable datatype a schema field came from.
     *
     * @param f the field
     * @return the datatype
     */
    static Datatype datatype(StructField f) {
        return Datatype.of(f.metadata().getString(DATATYPE));
    }

    /**
     * The VOTable arraysize a schema field came from.
     *
     * @param f the field
     * @return the arraysize
     */
    static ArraySize arraysize(StructField f) {
        return f.metadata().contains(ARRAYSIZE) ? ArraySize.parse(f.metadata().getString(ARRAYSIZE)) : ArraySize.SCALAR;
    }

    /**
     * Whether a schema field came from a floating-point column (float, double or complex).
     *
     * @param f the field
     * @return true for floating point
     */
    static boolean isFloatingPoint(StructField f) {
        return f.metadata().contains(DATATYPE) && datatype(f).isFloatingPoint();
    }

    /**
     * The field's Spark type, for messages.
     *
     * @param t the type
     * @return its SQL name
     */
    static String describe(DataType t) {
        return t.simpleString();
    }

    /**
     * Whether a type is an array.
     *
     * @param t the type
     * @return true for arrays
     */
    static boolean isArray(DataType t) {
        return t instanceof ArrayType;
    }
}
