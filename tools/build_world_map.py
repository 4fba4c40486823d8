"""Build the offline world outline the web UI draws event places on (src/eventwatch/serve/map/world.json).

    pip download geopandas==0.14.4 --no-deps -d /tmp/geo && pip install pyshp==2.3.1
    python tools/build_world_map.py /tmp/geo/geopandas-0.14.4-py3-none-any.whl

Source: Natural Earth 1:110m Admin 0 countries (public domain, naturalearthdata.com), as the
geopandas 0.14.x wheel ships it (``geopandas/datasets/naturalearth_lowres``; later releases dropped
it). The shapefile is read with pyshp, projected equirectangular (x = lon + 180, y = 90 - lat,
so a point needs no projection code at run time), rounded to 0.1 degree and thinned: points
closer than that to the previous one are dropped, rings that collapse are dropped. The result is a
JSON object ``{"width": 360, "height": 180, "source": ..., "countries": {ISO3: "M...Z"}}``.
This runs only when the asset is rebuilt, never at run time.
"""
from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwatch" / "serve" / "map" / "world.json"
MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
SOURCE = ("Natural Earth 1:110m Admin 0 countries (public domain), from the geopandas 0.14.4 wheel's "
          "datasets/naturalearth_lowres; built by tools/build_world_map.py")


def ring_path(points: list[tuple[float, float]], step: float) -> str:
    """One closed ring as SVG path data, thinned to ``step`` degrees; '' when it collapses."""
    kept: list[tuple[float, float]] = []
    for lon, lat in points:
        x, y = round(lon + 180, 1), round(90 - lat, 1)
        if kept and abs(x - kept[-1][0]) < step and abs(y - kept[-1][1]) < step:
            continue
        kept.append((x, y))
    if len(kept) < 4:
        return ""
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in kept) + "Z"


def build(wheel: Path, step: float) -> dict:
    import shapefile  # pyshp, a build-time tool only

    with zipfile.ZipFile(wheel) as z:
        parts = {ext: io.BytesIO(z.read(f"{MEMBER}.{ext}")) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="latin-1")
    names = [f[0] for f in reader.fields[1:]]
    countries: dict[str, str] = {}
    for rec, shape in zip(reader.records(), reader.shapes()):
        row = dict(zip(names, rec))
        code = row.get("iso_a3")
        if not code or code == "-99":
            code = "X" + str(row.get("name", ""))[:2].upper()  # disputed areas: drawn, never matched
        bounds = list(shape.parts) + [len(shape.points)]
        d = "".join(ring_path(shape.points[a:b], step) for a, b in zip(bounds, bounds[1:]))
        if d:
            countries[code] = countries.get(code, "") + d
    return {"width": 360, "height": 180, "source": SOURCE, "countries": dict(sorted(countries.items()))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("wheel", type=Path, help="the geopandas 0.14.x wheel (pip download geopandas==0.14.4 --no-deps)")
    ap.add_argument("--step", type=float, default=0.3, help="drop points closer than this (degrees)")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data = build(args.wheel, args.step)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['countries'])} countries, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
