# SPDX-License-Identifier: Apache-2.0
"""Reads one table written in several formats with astropy and compares each with the VOTable.

Usage: python3 compare_tables.py REFERENCE.vot FORMAT=PATH...   (FORMAT: fits, ecsv, csv, votable)

Prints one JSON object: {"astropy": version, "reference": {"columns": [...], "rows": n},
"formats": {FORMAT: {"rows": n, "discrepancies": ["column: aspect: detail", ...]}}}.
An aspect is one of name, missing, dtype, unit, description, ucd, xtype, mask, values, shape.
"""
import json
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")

from astropy import __version__ as astropy_version  # noqa: E402
from astropy.table import Table  # noqa: E402

READERS = {"votable": "votable", "fits": "fits", "ecsv": "ascii.ecsv", "csv": "ascii.csv"}


def read(fmt, path):
    if fmt == "fits":
        t = Table.read(path, format="fits", character_as_bytes=False)
    else:
        t = Table.read(path, format=READERS[fmt])
    return t


def kind(col):
    """numpy kind and size; "str" for text, whether numpy keeps it as U, S or objects."""
    dtype = col.dtype
    if dtype.kind in "US":
        return "str"
    if dtype.kind == "O":
        values = [v for v in cells(col) if v is not None]
        # an object column of nothing but nulls is text as far as anyone can tell
        return "str" if all(isinstance(v, str) for v in values) else "O"
    return dtype.str[1:]


def cells(col):
    """The column's cells as Python values, None for a masked cell or element."""
    out = []
    mask = getattr(col, "mask", None)
    for i in range(len(col)):
        v = col[i]
        if mask is not None and np.ndim(mask[i]) == 0 and bool(mask[i]):
            out.append(None)
            continue
        out.append(plain(v))
    return out


def plain(v):
    if isinstance(v, np.ma.MaskedArray):
        return [None if m else plain(x) for x, m in zip(v.data.ravel(), np.ma.getmaskarray(v).ravel())]
    if isinstance(v, np.ndarray):
        return [plain(x) for x in v.ravel()]
    if v is np.ma.masked:
        return None
    if isinstance(v, bytes):
        v = v.decode("utf-8")
    if isinstance(v, (str, np.str_)):
        # astropy strips the spaces around a VOTable TD's text, and the trailing ones of a FITS
        # string; it reads an empty VOTable char cell as "" but an empty FITS or ECSV text as
        # masked: both are "no text" here
        v = str(v).strip()
        return v if v else None
    if isinstance(v, (np.floating, float)):
        f = float(v)
        return None if np.isnan(f) else f
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.bool_,)):
        return bool(v)
    if isinstance(v, np.str_):
        return str(v)
    return v


def compare(ref, got):
    out = []
    ref_names = ref.colnames
    for i, name in enumerate(ref_names):
        if name not in got.colnames:
            other = got.colnames[i] if i < len(got.colnames) else None
            out.append("%s: name: %r" % (name, other))
            if other is None:
                continue
            g = got[other]
        else:
            g = got[name]
        r = ref[name]
        if kind(r) != kind(g):
            out.append("%s: dtype: %s != %s" % (name, kind(g), kind(r)))
        if r.shape[1:] != g.shape[1:]:
            out.append("%s: shape: %s != %s" % (name, g.shape[1:], r.shape[1:]))
        if str(r.unit or "") != str(g.unit or ""):
            out.append("%s: unit: %r != %r" % (name, str(g.unit or ""), str(r.unit or "")))
        if (r.description or "") != (g.description or ""):
            out.append("%s: description: %r != %r" % (name, g.description, r.description))
        for key in ("ucd", "xtype"):
            rv = r.meta.get(key)
            gv = g.meta.get(key)
            if rv is not None and rv != gv:
                out.append("%s: %s: %r != %r" % (name, key, gv, rv))
        rc = cells(r)
        gc = cells(g)
        if len(rc) != len(gc):
            out.append("%s: rows: %d != %d" % (name, len(gc), len(rc)))
            continue
        nulls = [k for k in range(len(rc)) if (rc[k] is None) != (gc[k] is None)]
        if nulls:
            out.append("%s: mask: rows %s" % (name, nulls))
        diff = [k for k in range(len(rc)) if rc[k] is not None and gc[k] is not None and not same(rc[k], gc[k])]
        if diff:
            k = diff[0]
            out.append("%s: values: rows %s (first: %r != %r)" % (name, diff, gc[k], rc[k]))
    return out


def same(a, b):
    if isinstance(a, list) or isinstance(b, list):
        if not (isinstance(a, list) and isinstance(b, list)) or len(a) != len(b):
            return False
        return all((x is None and y is None) or (x is not None and y is not None and same(x, y)) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        try:
            return float(a) == float(b)
        except (TypeError, ValueError):
            return False
    return a == b


def main(argv):
    ref = read("votable", argv[1])
    result = {"astropy": astropy_version, "reference": {"columns": ref.colnames, "rows": len(ref)}, "formats": {}}
    for arg in argv[2:]:
        fmt, path = arg.split("=", 1)
        try:
            got = read(fmt, path)
            result["formats"][fmt] = {"rows": len(got), "columns": got.colnames, "discrepancies": compare(ref, got)}
        except Exception as e:  # reported, so the test can say what astropy refused
            result["formats"][fmt] = {"error": "%s: %s" % (type(e).__name__, e)}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main(sys.argv)
