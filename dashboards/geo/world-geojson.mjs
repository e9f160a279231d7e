// Builds the wall screen's world map from world-atlas 2.0.2 (Natural Earth 4.1.0, public domain;
// world-atlas ISC): countries at 1:110m as GeoJSON named by ISO 3166 alpha-2 (what the API's
// partner-country answer carries as iso2), coordinates rounded to 0.1 degree to keep it small,
// plus a centre point per country taken from the 1:50m set, which also has the small ones
// (Singapore, Hong Kong) that the 110m set leaves out. Run: npm install && npm run build.
import { readFileSync, writeFileSync } from "node:fs";
import { feature } from "topojson-client";
import countries from "i18n-iso-countries";

const load = (scale) =>
  JSON.parse(readFileSync(new URL(`node_modules/world-atlas/countries-${scale}.json`, import.meta.url)));
const iso2 = (f) => (f.id ? countries.numericToAlpha2(f.id) : undefined);
const round = (c) => (typeof c[0] === "number" ? c.map((v) => Math.round(v * 10) / 10) : c.map(round));

// The centre of a country's largest ring's bounding box: good enough to anchor a flow line.
function centre(geometry) {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let best = null;
  for (const p of polys) {
    const xs = p[0].map((c) => c[0]);
    const ys = p[0].map((c) => c[1]);
    const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    const area = (box[2] - box[0]) * (box[3] - box[1]);
    if (!best || area > best.area) best = { area, box };
  }
  return [(best.box[0] + best.box[2]) / 2, (best.box[1] + best.box[3]) / 2].map((v) => Math.round(v * 10) / 10);
}

// Rings that cross the antimeridian (Russia's far east, Fiji) would be drawn as a stripe across the
// whole map: a jump of more than 180 degrees between two points drops the ring.
const crosses = (ring) => ring.some((c, i) => i > 0 && Math.abs(c[0] - ring[i - 1][0]) > 180);
function unwrapped(geometry) {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const kept = polys.filter((p) => !crosses(p[0]));
  return { type: "MultiPolygon", coordinates: kept };
}

const small = load("110m");
const features = feature(small, small.objects.countries).features
  .filter((f) => iso2(f) && iso2(f) !== "AQ")
  .map((f) => ({ type: "Feature", properties: { name: iso2(f) }, geometry: (({ type, coordinates }) => ({ type, coordinates: round(coordinates) }))(unwrapped(f.geometry)) }))
  .filter((f) => f.geometry.coordinates.length > 0);
const medium = load("50m");
const centres = {};
for (const f of feature(medium, medium.objects.countries).features) {
  if (iso2(f) && f.geometry) centres[iso2(f)] = centre(f.geometry);
}
const out = { type: "FeatureCollection", source: "world-atlas 2.0.2 (Natural Earth 4.1.0)", centres, features };
writeFileSync(new URL("../src/main/resources/sanliu-dashboards/geo/world.json", import.meta.url), JSON.stringify(out));
console.log(`${features.length} countries, ${Object.keys(centres).length} centres`);
