import { expect, test, type Page } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { AppShell } from "../fixtures/app";
import { colourOf } from "../fixtures/call";

// Scene cameras: a real RTSP camera (GStreamer, scripts/rtsp-camera.py) showing solid blue is
// registered for the Taiyuan demo incident; the node pulls it and the incident page, the video
// wall and the camera's own page decode it. The SFU announces 127.0.0.1, which Chromium only
// connects to with loopback allowed.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--allow-loopback-in-peer-connection",
    ],
  },
});
test.setTimeout(120_000);

const INCIDENT = "小店区某化工厂氯气泄漏（演示）";
let camera: ChildProcess | undefined;
let cameraUrl = "";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

test.beforeAll(async () => {
  const port = await freePort();
  // Debian's Python has GStreamer's bindings.
  camera = spawn("/usr/bin/python3", ["../scripts/rtsp-camera.py", String(port), "blue"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    camera!.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    camera!.on("exit", (code) => reject(new Error(`the test camera exited (${code})`)));
    setTimeout(() => reject(new Error("the test camera did not start")), 20_000);
  });
  cameraUrl = `rtsp://127.0.0.1:${port}/camera`;
});

test.afterAll(() => {
  camera?.kill();
});

/** The colour a panel shows, once it is live and decoding. */
async function seen(page: Page, panel = page.getByTestId("camera-panel").first()): Promise<string> {
  const colour = await colourOf(panel.locator("video"), 30_000);
  await expect(panel).toHaveAttribute("data-state", "live");
  return colour;
}

async function register(page: Page, name: string, kind: string, url: string) {
  const form = page.getByTestId("camera-form");
  await form.getByLabel("名称").fill(name);
  await form.getByLabel("类型").selectOption({ label: kind });
  await form.getByLabel("RTSP 地址").fill(url);
  await form.getByLabel("拍摄对象").selectOption({ label: INCIDENT });
  await form.getByRole("button", { name: "登记并开始拉流" }).click();
}

const row = (page: Page, name: string) => page.getByTestId("camera-row").filter({ hasText: name });

test("a site camera is registered, pulled and watched on the incident page, the wall and its own page", async ({ page }) => {
  const app = new AppShell(page);
  await app.open("/video");
  await page.getByTestId("cameras-link").click();
  await expect(app.heading()).toHaveText("现场视频源");
  await app.hydrated();

  // A wrong address is refused with the reason; nothing is registered.
  await register(page, "东门", "现场摄像机", "http://10.0.0.8/stream");
  await expect(page.getByRole("alert")).toContainText("地址须以 rtsp:// 或 rtsps:// 开头");
  await expect(page.getByTestId("camera-row")).toHaveCount(0);

  // The real camera: registered, then online within seconds (the list refreshes itself).
  await register(page, "东门摄像机", "现场摄像机", cameraUrl);
  await expect(page.getByText("已登记，正在连接摄像机")).toBeVisible();
  await expect(row(page, "东门摄像机").getByTestId("camera-state")).toContainText("在线", { timeout: 20_000 });
  // One nobody can reach: offline, with the reason.
  await register(page, "指挥车", "指挥车", "rtsp://127.0.0.1:9/live");
  await expect(row(page, "指挥车").getByTestId("camera-state")).toContainText("离线", { timeout: 20_000 });
  await app.screenshot("cameras-registry");

  // Its own page plays it.
  await row(page, "东门摄像机").getByRole("link", { name: "查看" }).click();
  await expect(app.heading()).toHaveText("东门摄像机");
  expect(await seen(page)).toBe("blue");
  await app.screenshot("camera-page");

  // The incident page shows the scene video, the online camera first.
  await app.open("/video");
  const room = page.getByTestId("incident-room").filter({ hasText: "小店区" }).first();
  const consult = await room.getByRole("link").getAttribute("href");
  await app.open(consult!.replace("/video/incident/", "/incidents/"));
  const scene = page.getByTestId("scene-video");
  await expect(scene.getByTestId("camera-picker")).toContainText("东门摄像机");
  expect(await seen(page, scene.getByTestId("camera-panel"))).toBe("blue");
  await app.screenshot("incident-scene-video");
  // Choosing the offline camera says so.
  const picker = scene.getByTestId("camera-picker");
  const offline = await picker.locator("option", { hasText: "指挥车" }).getAttribute("value");
  await picker.selectOption(offline!);
  await expect(scene.getByTestId("camera-panel")).toContainText("摄像机离线");

  // The video wall shows it under the map.
  await app.open("/wall");
  const wall = page.getByTestId("wall-video");
  expect(await seen(page, wall.getByTestId("camera-panel").first())).toBe("blue");
  for (const [size, name] of [[{ width: 1366, height: 768 }, "pc"], [{ width: 3840, height: 2160 }, "wall"]] as const) {
    await page.setViewportSize(size);
    await app.screenshot(`wall-cameras-${name}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });

  // Removed, they leave the registry (and the wall and incident page of later tests).
  await app.open("/video/cameras");
  for (const name of ["指挥车", "东门摄像机"]) {
    await row(page, name).getByRole("button", { name: "删除" }).click();
    await expect(row(page, name)).toHaveCount(0);
  }
});
