import { defineConfig } from "@playwright/test";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SIGNED_IN } from "./fixtures/login";

// The release server with a throwaway SQLite database and the demo data set.
const port = Number(process.env.E2E_PORT ?? 3099);
const bin = process.env.YINGJI_BIN ?? "../target/release/yingji";
const siteRoot = process.env.YINGJI_SITE_ROOT ?? "../target/site";
const run = join(tmpdir(), `yingji-e2e-${process.pid}-${Date.now()}`);
const database = `${run}.db`;

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  projects: [
    // Signs the national duty officer in once; every other test starts signed in as them
    // (tests about signing in start from an empty state of their own).
    { name: "sign-in", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", dependencies: ["sign-in"], use: { storageState: SIGNED_IN } },
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright may not download a browser here.
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `${bin} serve`,
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      YINGJI_LISTEN: `127.0.0.1:${port}`,
      YINGJI_SITE_ROOT: siteRoot,
      YINGJI_DEMO: "true",
      DATABASE_URL: `sqlite://${database}?mode=rwc`,
      // Attachments beside the throwaway database, never in the checkout.
      YINGJI_FILES_DIR: `${run}-files`,
      RUST_LOG: process.env.RUST_LOG ?? "warn",
    },
  },
});
