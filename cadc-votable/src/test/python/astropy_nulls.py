# SPDX-License-Identifier: Apache-2.0
"""Writes one table with astropy in TABLEDATA, BINARY and BINARY2, and the values astropy was given.

Run by AstropyNullsTest as a process: python3 astropy_nulls.py OUTDIR. Writes OUTDIR/tabledata.xml,
binary.xml, binary2.xml and truth.txt: one line per cell, tab-separated: row, column name, 'M' when
the cell was given masked else '-', and the value given (strings as hex of their UTF-8 bytes, numbers as
float.hex or decimal integers, arrays as space-separated elements, complex as 're im').
"""
import sys
import numpy as np
from astropy.io.votable.tree import VOTableFile, Resource, Table, Field, Values

out = sys.argv[1]

# name, datatype, arraysize, VALUES null
COLUMNS = [
    ("b", "boolean", None, None),
    ("bi", "bit", None, None),
    ("ub", "unsignedByte", None, 255),
    ("s", "short", None, -32768),
    ("i", "int", None, -2147483648),
    ("l", "long", None, -9223372036854775808),
    ("c8", "char", "8", None),
    ("cs", "char", "*", None),
    ("us", "unicodeChar", "*", None),
    ("f", "float", None, None),
    ("d", "double", None, None),
    ("fc", "floatComplex", None, None),
    ("dc", "doubleComplex", None, None),
    ("da", "double", "*", None),
    ("d3", "double", "3", None),
    ("ia", "int", "*", -2147483648),
    ("s2", "short", "2", -32768),
    ("fa", "float", "*", None),
]

nan = float("nan")
# each row: {column: value}; a value of MASKED is a null given to astropy
MASKED = object()
ROWS = [
    dict(b=True, bi=1, ub=7, s=-2, i=123456, l=-(2**40), c8="abc", cs="ivo://cadc.nrc.ca/x?1", us="\u00e9t\u00e9 \u2603",
         f=1.5, d=-2.25e-300, fc=complex(1.5, -2), dc=complex(3e100, 1e-7), da=[1.0, 2.5], d3=[1.0, 2.0, 3.0],
         ia=[1, -2, 3], s2=[5, -6], fa=[0.5]),
    dict(b=False, bi=0, ub=0, s=0, i=0, l=0, c8="", cs="", us="", f=0.0, d=-0.0, fc=complex(0, 0), dc=complex(0, 0),
         da=[], d3=[0.0, -0.0, 1e-310], ia=[], s2=[0, 0], fa=[]),
    {name: MASKED for name, _, _, _ in COLUMNS},
    dict(b=MASKED, bi=1, ub=MASKED, s=32767, i=MASKED, l=2**62, c8=MASKED, cs=MASKED, us=MASKED, f=nan, d=nan,
         fc=complex(nan, 0), dc=complex(1, nan), da=[nan, 1.0], d3=[nan, nan, nan], ia=MASKED, s2=MASKED, fa=MASKED),
    dict(b=True, bi=0, ub=254, s=-32767, i=-2147483647, l=-9223372036854775807, c8="x y", cs=" lead", us="\U0001f600",
         f=float("inf"), d=float("-inf"), fc=MASKED, dc=MASKED, da=MASKED, d3=MASKED, ia=[7], s2=[1, 2],
         fa=[float("inf"), nan]),
    dict(b=False, bi=1, ub=1, s=1, i=1, l=1, c8="12345678", cs="a&b<c>\"'", us="", f=3.4028235e38, d=5e-324,
         fc=complex(-1, 1), dc=complex(-0.0, 0.0), da=[1e300, -1e-300, 0.0], d3=[1, 2, 3], ia=[0, 0], s2=[-1, 1],
         fa=[]),
]

VARIABLE = {"double": np.float64, "float": np.float32, "int": np.int32}

votable = VOTableFile(version="1.4")
resource = Resource()
votable.resources.append(resource)
table = Table(votable)
resource.tables.append(table)
for name, datatype, arraysize, null in COLUMNS:
    field = Field(votable, name=name, ID=name, datatype=datatype, arraysize=arraysize)
    if null is not None:
        field.values = Values(votable, field, null=null)
    table.fields.append(field)
table.create_arrays(len(ROWS))

for r, given in enumerate(ROWS):
    for name, datatype, arraysize, null in COLUMNS:
        v = given[name]
        variable = arraysize == "*" and datatype not in ("char", "unicodeChar")
        if v is MASKED:
            if variable:
                table.array.data[name][r] = np.ma.array([], mask=np.zeros(0, bool), dtype=VARIABLE[datatype])
            table.array.mask[name][r] = True
            continue
        if variable:
            table.array.data[name][r] = np.ma.array(v, mask=np.zeros(len(v), bool), dtype=VARIABLE[datatype])
        else:
            table.array.data[name][r] = v
        table.array.mask[name][r] = False

for fmt, path in (("tabledata", "tabledata.xml"), ("binary", "binary.xml"), ("binary2", "binary2.xml")):
    votable.to_xml(out + "/" + path, tabledata_format=fmt)


def fhex(x, single):
    x = float(np.float32(x)) if single else float(x)
    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    return x.hex()


with open(out + "/truth.txt", "w", encoding="ascii") as t:
    for r, given in enumerate(ROWS):
        for name, datatype, arraysize, null in COLUMNS:
            v = given[name]
            if v is MASKED:
                t.write("%d\t%s\tM\t\n" % (r, name))
                continue
            single = datatype in ("float", "floatComplex")
            if datatype in ("char", "unicodeChar"):
                text = v.encode("utf-8").hex()
            elif datatype in ("boolean", "bit"):
                text = "T" if v else "F"
            elif datatype in ("floatComplex", "doubleComplex"):
                text = fhex(v.real, single) + " " + fhex(v.imag, single)
            elif datatype in ("float", "double"):
                text = " ".join(fhex(e, single) for e in v) if arraysize else fhex(v, single)
            else:
                text = " ".join(str(int(e)) for e in v) if arraysize else str(int(v))
            t.write("%d\t%s\t-\t%s\n" % (r, name, text))
