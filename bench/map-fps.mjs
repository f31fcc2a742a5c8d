// Frame rate of the situation map with every active incident on it (50 000 when seeded by
// bench/duty-desk.sh map): headless Chromium pans and zooms like a person while we count frames.
import { chromium } from "../end2end/node_modules/playwright-core/index.mjs";

const base = process.env.BENCH_URL ?? "http://127.0.0.1:3199";
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
await page.goto(`${base}/login`);
await page.getByLabel("用户名").fill("nat.duty");
await page.getByLabel("密码").fill("Demo#Duty-2026");
await page.getByRole("main").getByRole("button", { name: "登录" }).click();
await page.waitForURL(`${base}/`);

const opened = Date.now();
await page.goto(`${base}/map`);
const total = () => page.evaluate(() => {
  const map = document.querySelector("[data-testid=situation-map]");
  const single = map.querySelectorAll("path.incident-marker").length;
  const clustered = Array.from(map.querySelectorAll(".marker-cluster span")).map((s) => Number(s.textContent)).reduce((a, b) => a + b, 0);
  return single + clustered;
});
let shown = 0;
for (let i = 0; i < 600 && shown < 1; i++) { await page.waitForTimeout(100); shown = await total(); }
// Chunked loading adds markers in slices: wait until the count settles.
for (let last = -1; shown !== last;) { last = shown; await page.waitForTimeout(500); shown = await total(); }
console.log(`${shown} incidents on the map ${Date.now() - opened} ms after navigation`);

await page.evaluate(() => {
  window.__frames = [];
  const tick = (t) => { window.__frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
});
const box = await page.getByTestId("situation-map").boundingBox();
const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
for (let round = 0; round < 3; round++) {
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let s = 0; s < 30; s++) await page.mouse.move(cx + s * 8, cy + s * 4);
  await page.mouse.up();
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(600);
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(600);
}
const frames = await page.evaluate(() => window.__frames);
const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
const seconds = (frames.at(-1) - frames[0]) / 1000;
console.log(`while panning and zooming: ${(frames.length / seconds).toFixed(1)} fps average, ` +
  `median frame ${gaps[Math.floor(gaps.length / 2)].toFixed(1)} ms, p95 ${gaps[Math.floor(gaps.length * 0.95)].toFixed(1)} ms, ` +
  `longest ${gaps.at(-1).toFixed(1)} ms`);
await browser.close();
