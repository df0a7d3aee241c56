#!/usr/bin/env python3
"""Print Sweden's bounding box and centroid (WGS 84 longitude/latitude) as WKT, for the DCAT catalogue's
dct:spatial (dcat:bbox, dcat:centroid of the EU country code SWE; the values are in hub/.../dcat/EuVocabularies).

Source: the simplified county boundaries of okfse/sweden-geojson (commit ff67bcb), as copied to
../shared/reference/sweden-geojson/swedish_regions.geojson; derived from Valmyndigheten's municipality data via
opendatasoft and from jnordgren/swedish_data_map_geojson; its README says "Feel free to reuse".
The bounding box is the extremes of every ring's points, rounded outwards to 2 decimals. The centroid is the
area-weighted centroid of all outer rings (holes subtracted) computed in the same spherical transverse Mercator
on 15 degrees east as generate-sweden-map.py, projected back, rounded to 2 decimals.

Usage (from the repository root): python3 hub/scripts/sweden-extent.py [shared-reference-dir]
Python 3 standard library only.
"""
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "reference"))
R = 6371.0
LON0 = math.radians(15.0)


def project(lon, lat):
    lam = math.radians(lon) - LON0
    phi = math.radians(lat)
    b = math.cos(phi) * math.sin(lam)
    return 0.5 * R * math.log((1 + b) / (1 - b)), R * math.atan2(math.tan(phi), math.cos(lam))


def unproject(x, y):
    d = y / R
    lam = math.atan2(math.sinh(x / R), math.cos(d))
    phi = math.asin(math.sin(d) / math.cosh(x / R))
    return math.degrees(lam + LON0), math.degrees(phi)


def polygons(geometry):
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DIR
    with open(os.path.join(base, "sweden-geojson", "swedish_regions.geojson"), encoding="utf-8") as f:
        regions = json.load(f)
    lons, lats = [], []
    area = cx = cy = 0.0
    for feature in regions["features"]:
        for poly in polygons(feature["geometry"]):
            for ring in poly:
                lons += [p[0] for p in ring]
                lats += [p[1] for p in ring]
                pts = [project(p[0], p[1]) for p in ring]
                for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
                    cross = x0 * y1 - x1 * y0
                    area += cross
                    cx += (x0 + x1) * cross
                    cy += (y0 + y1) * cross
    # signed areas: outer rings and holes wind oppositely, so the sums subtract the holes
    lon, lat = unproject(cx / (3 * area), cy / (3 * area))
    w, e = math.floor(min(lons) * 100) / 100, math.ceil(max(lons) * 100) / 100
    s, n = math.floor(min(lats) * 100) / 100, math.ceil(max(lats) * 100) / 100
    print("bbox: POLYGON((%.2f %.2f, %.2f %.2f, %.2f %.2f, %.2f %.2f, %.2f %.2f))" % (w, s, e, s, e, n, w, n, w, s))
    print("centroid: POINT(%.2f %.2f)" % (lon, lat))


if __name__ == "__main__":
    main()
