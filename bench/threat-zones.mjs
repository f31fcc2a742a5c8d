// Times the threat-zone computation compiled to wasm (bench/wasm) in headless Chromium, for the
// scenarios of bench/threat-zones.json. Serves the module itself on 127.0.0.1; nothing leaves
// the machine. Usage: node bench/threat-zones.mjs <dir with bench_wasm.js and _bg.wasm> [runs]
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { chromium } from "../end2end/node_modules/playwright-core/index.mjs";

const [dir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 2000);
const scenarios = JSON.parse(await readFile("bench/threat-zones.json", "utf8"));
const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html" };
const server = createServer(async (req, res) => {
  if (req.url === "/") {
    res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>bench</title>");
    return;
  }
  try {
    const body = await readFile(join(dir, req.url.slice(1)));
    res.writeHead(200, { "content-type": types[extname(req.url)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
}).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});
const page = await browser.newPage();
await page.goto(base);
const results = await page.evaluate(async ({ scenarios, runs }) => {
  const wasm = await import("/bench_wasm.js");
  await wasm.default();
  return scenarios.map(([name, scenario]) => {
    const json = JSON.stringify(scenario);
    const zones = JSON.parse(wasm.zones_json(json));
    const bench = new wasm.Bench(json);
    for (let i = 0; i < 200; i++) bench.run(); // warm up
    // Browsers coarsen performance.now() (100 µs in headless Chromium): time batches of 100
    // computations and take the per-computation time of each batch.
    const batch = 100;
    const times = [];
    for (let b = 0; b < Math.max(20, runs / batch); b++) {
      const start = performance.now();
      for (let i = 0; i < batch; i++) bench.run();
      times.push(((performance.now() - start) * 1000) / batch);
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.floor((times.length - 1) * q)];
    return { name, distances: zones.zones.map((z) => z.distance_m.toFixed(1)), p50: at(0.5), p99: at(0.99), batches: times.length };
  });
}, { scenarios, runs });
for (const r of results) {
  console.log(`wasm ${r.name}: distances m [${r.distances.join(", ")}], p50 ${r.p50.toFixed(1)} µs, p99 ${r.p99.toFixed(1)} µs (per computation, ${r.batches} batches of 100)`);
}
await browser.close();
server.close();
