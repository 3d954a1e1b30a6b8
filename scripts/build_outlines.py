"""Build country outlines GeoJSON from npm world-atlas 2.0.2 (Natural Earth 110m, public domain).

Run: python scripts/build_outlines.py /path/to/countries-110m.json [out.geojson]
(the output defaults to data/shared/countries-110m.geojson)
"""

import argparse
import json
import math
from pathlib import Path

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "data/shared/countries-110m.geojson"


def decode_arcs(topo):
    """Return the TopoJSON arcs as absolute [lon, lat] lists rounded to 3 decimals."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        pts, x, y = [], 0, 0
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append([round(x * sx + tx, 3), round(y * sy + ty, 3)])
        arcs.append(pts)
    return arcs


def stitch_ring(indices, arcs):
    """Join arcs into one ring, reversing arcs given as ~i and dropping shared endpoints."""
    ring = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts if not ring else pts[1:])
    return ring


def fix_antimeridian(ring):
    """Unwrap longitudes across ±180 and close globe-wrapping rings (Antarctica) via the pole."""
    out = [list(ring[0])]
    for lon, lat in ring[1:]:
        pt = [round(lon + 360 * round((out[-1][0] - lon) / 360), 3), lat]
        if pt != out[-1]:  # the raw seam (180 -> -180 at equal lat) would become a duplicate
            out.append(pt)
    if min(p[0] for p in out) < -180:  # prefer lon > 180 for rings crossing the antimeridian
        out = [[round(lon + 360, 3), lat] for lon, lat in out]
    lon0, lon1 = out[0][0], out[-1][0]
    if abs(lon1 - lon0) > 180:  # ring wraps the globe (Antarctica): detour along lat -90
        n = math.ceil(abs(lon1 - lon0) / 90)
        out += [[round(lon1 + (lon0 - lon1) * k / n, 3), -90] for k in range(n + 1)]
        out.append(list(out[0]))
    return out


def to_feature(geom, arcs):
    """Convert one TopoJSON Polygon or MultiPolygon geometry to a GeoJSON Feature."""
    polys = [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]
    rings = [[fix_antimeridian(stitch_ring(r, arcs)) for r in poly] for poly in polys]
    # drop degenerate rings, e.g. North Korea's zero-area ring [386, 386, 386] at a single point
    coords = [[r for r in poly if len(r) >= 4] for poly in rings if len(poly[0]) >= 4]
    coords = coords[0] if geom["type"] == "Polygon" else coords
    geometry = {"type": geom["type"], "coordinates": coords}
    props = {"name": geom["properties"]["name"], "id": geom.get("id")}
    return {"type": "Feature", "properties": props, "geometry": geometry}


def main():
    """Parse arguments, convert the countries object and write compact GeoJSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("output", type=Path, nargs="?", default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    topo = json.loads(args.input.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    features = [to_feature(g, arcs) for g in topo["objects"]["countries"]["geometries"]]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    collection = {"type": "FeatureCollection", "features": features}
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {len(features)} features, {len(text.encode())} bytes to {args.output}")


if __name__ == "__main__":
    main()
