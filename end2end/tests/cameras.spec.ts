import { expect, test, type Page } from "@playwright/test";
import { AppShell } from "../fixtures/app";
import { TestCamera, VIDEO_BROWSER, registerCamera, seen } from "../fixtures/camera";

// Scene cameras: a real RTSP camera (GStreamer, scripts/rtsp-camera.py) showing solid blue is
// registered for the Taiyuan demo incident; the node pulls it and the incident page, the video
// wall and the camera's own page decode it. The SFU announces 127.0.0.1, which Chromium only
// connects to with loopback allowed.
test.use(VIDEO_BROWSER);
test.setTimeout(120_000);

const INCIDENT = "小店区某化工厂氯气泄漏（演示）";
let camera: TestCamera | undefined;
let cameraUrl = "";

test.beforeAll(async () => {
  camera = await TestCamera.start("blue");
  cameraUrl = camera.url;
});

test.afterAll(() => {
  camera?.stop();
});

const row = (page: Page, name: string) => page.getByTestId("camera-row").filter({ hasText: name });

test("a site camera is registered, pulled and watched on the incident page, the wall and its own page", async ({ page }) => {
  const app = new AppShell(page);
  await app.open("/video");
  await page.getByTestId("cameras-link").click();
  await expect(app.heading()).toHaveText("现场视频源");
  await app.hydrated();

  // A wrong address is refused with the reason; nothing is registered.
  await registerCamera(page, { name: "东门", kind: "现场摄像机", url: "http://10.0.0.8/stream", subject: INCIDENT });
  await expect(page.getByRole("alert")).toContainText("地址须以 rtsp:// 或 rtsps:// 开头");
  await expect(page.getByTestId("camera-row")).toHaveCount(0);

  // The real camera: registered, then online within seconds (the list refreshes itself).
  await registerCamera(page, { name: "东门摄像机", kind: "现场摄像机", url: cameraUrl, subject: INCIDENT });
  await expect(page.getByText("已登记，正在连接摄像机")).toBeVisible();
  await expect(row(page, "东门摄像机").getByTestId("camera-state")).toContainText("在线", { timeout: 20_000 });
  // One nobody can reach: offline, with the reason.
  await registerCamera(page, { name: "指挥车", kind: "指挥车", url: "rtsp://127.0.0.1:9/live", subject: INCIDENT });
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
