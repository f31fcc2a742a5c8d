// Build-time assets of the site, all from npm packages installed under vendor/node_modules:
//   node vendor/build-assets.mjs assets <site-root>    Leaflet (+ markercluster) and the base-map GeoJSON
//   node vendor/build-assets.mjs compress <site-root>  .gz and .br beside every text asset
// Nothing here runs at run time, and nothing is fetched from the internet but npm packages.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { loadChinaProvinces } from "./china-map.mjs";

const require = createRequire(import.meta.url);
const [mode, site] = process.argv.slice(2);
if (!site || !["assets", "compress"].includes(mode)) {
  console.error("usage: node vendor/build-assets.mjs assets|compress <site-root>");
  process.exit(2);
}

function assets() {
  const leafletDist = dirname(require.resolve("leaflet/dist/leaflet.js"));
  const leafletOut = join(site, "vendor", "leaflet");
  mkdirSync(join(leafletOut, "images"), { recursive: true });
  for (const file of ["leaflet.js", "leaflet.css"]) cpSync(join(leafletDist, file), join(leafletOut, file));
  cpSync(join(leafletDist, "images"), join(leafletOut, "images"), { recursive: true });
  // Leaflet.markercluster (MIT): clusters tens of thousands of incident markers.
  const clusterDist = dirname(require.resolve("leaflet.markercluster/dist/leaflet.markercluster.js"));
  for (const file of ["leaflet.markercluster.js", "MarkerCluster.css"]) {
    cpSync(join(clusterDist, file), join(leafletOut, file));
  }

  mkdirSync(join(site, "geo"), { recursive: true });
  // World borders; China itself is drawn by the province layer on top.
  const world = JSON.parse(readFileSync(require.resolve("@surbowl/world-geo-json-zh/world.zh.json"), "utf8"));
  world.features = world.features.filter((f) => f.properties.iso_a2 !== "CN");
  writeFileSync(join(site, "geo", "world.geojson"), JSON.stringify(roundAll(world, 3)));
  writeFileSync(join(site, "geo", "china-provinces.geojson"), JSON.stringify(loadChinaProvinces()));
}

function roundAll(value, digits) {
  const f = 10 ** digits;
  if (typeof value === "number") return Math.round(value * f) / f;
  if (Array.isArray(value)) return value.map((v) => roundAll(v, digits));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "properties" ? v : roundAll(v, digits)]));
  }
  return value;
}

function compress(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      compress(path);
    } else if (/\.(js|css|wasm|geojson|svg|json)$/.test(name)) {
      const data = readFileSync(path);
      writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }));
    }
  }
}

if (mode === "assets") assets();
else compress(site);
