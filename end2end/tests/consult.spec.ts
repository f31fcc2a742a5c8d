import { chromium, expect, test, type Browser, type Page } from "@playwright/test";
import { writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AppShell } from "../fixtures/app";
import { LoginPage, SIGNED_OUT } from "../fixtures/login";

// Video consultation through the node's SFU: each participant is a browser of its own whose
// fake camera shows one solid colour, so a tile's colour proves whose video it is.
test.use({ storageState: SIGNED_OUT });
test.setTimeout(120_000);

type Colour = "red" | "green" | "blue";

/** A Y4M clip of one colour (BT.601 YCbCr), which Chromium's fake camera plays in a loop. */
function clip(colour: Colour): string {
  const [y, u, v] = { red: [76, 85, 255], green: [150, 44, 21], blue: [29, 255, 107] }[colour];
  const [w, h, frames] = [320, 240, 10];
  const frame = Buffer.concat([
    Buffer.from("FRAME\n"),
    Buffer.alloc(w * h, y),
    Buffer.alloc((w * h) / 4, u),
    Buffer.alloc((w * h) / 4, v),
  ]);
  const dir = join(tmpdir(), "yingji-e2e-clips");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${colour}.y4m`);
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(path, Buffer.concat([header, ...Array(frames).fill(frame)]));
  return path;
}

const browsers: Browser[] = [];
test.afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

/** A participant: their own browser with a fake camera of one colour, signed in. */
async function participant(baseURL: string, username: string, colour: Colour): Promise<Page> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
      "--allow-loopback-in-peer-connection", `--use-file-for-fake-video-capture=${clip(colour)}`,
    ],
  });
  browsers.push(browser);
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await new LoginPage(page).signInAs(username);
  return page;
}

const tile = (page: Page, name: string) =>
  page.getByTestId("tile").filter({ has: page.getByTestId("tile-name").getByText(name, { exact: true }) });

/** The dominant colour of a tile's video once it is decoding frames. */
async function seen(page: Page, name: string): Promise<Colour> {
  const video = tile(page, name).locator("video");
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames), {
      timeout: 20_000,
    })
    .toBeGreaterThan(5);
  return video.evaluate((v: HTMLVideoElement) => {
    const canvas = document.createElement("canvas");
    [canvas.width, canvas.height] = [v.videoWidth, v.videoHeight];
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(v, 0, 0);
    const [r, g, b] = ctx.getImageData(v.videoWidth / 2, v.videoHeight / 2, 1, 1).data;
    return r > g && r > b ? "red" : g > b ? "green" : "blue";
  });
}

async function joinCall(page: Page, path: string) {
  await new AppShell(page).open(path);
  await page.getByTestId("join-call").click();
  await expect(page.getByTestId("call-controls")).toBeVisible();
}

test("three officers consult on an incident and each sees the other two", async ({ baseURL }) => {
  const national = await participant(baseURL!, "nat.duty", "red");
  const province = await participant(baseURL!, "sx.expert", "green");
  const city = await participant(baseURL!, "ty.duty", "blue");

  // The lobby lists a room for each active incident; the national officer opens a Taiyuan one.
  const app = new AppShell(national);
  await app.open("/video");
  await expect(app.heading()).toHaveText("视频会商");
  await app.screenshot("consult-lobby");
  const room = national.getByTestId("incident-room").filter({ hasText: "小店区" }).first();
  await room.getByRole("link").click();
  await expect(national).toHaveURL(/\/video\/incident\//);
  const path = new URL(national.url()).pathname;
  await app.hydrated();
  await national.getByTestId("join-call").click();
  await expect(national.getByTestId("call-title")).toContainText("视频会商 · ");
  await expect(national.getByText("其他参会人加入后会显示在这里")).toBeVisible();

  // Two: each decodes the other's camera.
  await joinCall(province, path);
  expect(await seen(national, "山西省专家（演示）")).toBe("green");
  expect(await seen(province, "国家中心值班员（演示）")).toBe("red");

  // Three: everyone sees the two others, in their colours.
  await joinCall(city, path);
  expect(await seen(national, "太原市值班员（演示）")).toBe("blue");
  expect(await seen(province, "太原市值班员（演示）")).toBe("blue");
  expect(await seen(city, "国家中心值班员（演示）")).toBe("red");
  expect(await seen(city, "山西省专家（演示）")).toBe("green");
  await expect(city.getByTestId("tile")).toHaveCount(3);
  await new AppShell(national).screenshot("consult-office");

  // Muting shows on the others' tiles.
  await national.getByRole("button", { name: "静音", exact: true }).click();
  await expect(national.getByRole("button", { name: "取消静音" })).toBeVisible();
  await expect(tile(city, "国家中心值班员（演示）")).toContainText("已静音");

  // The lobby shows who is in the room.
  const lobby = await province.context().newPage();
  await lobby.goto("/video");
  await expect(lobby.getByTestId("incident-room").filter({ hasText: "3 在会" })).toHaveCount(1);
  await lobby.close();

  // The city officer leaves: gone from the others' grids.
  await city.getByRole("button", { name: "离开" }).click();
  await expect(city.getByTestId("call-left")).toHaveText("您已离开会商");
  await expect(tile(national, "太原市值班员（演示）")).toHaveCount(0);
  await expect(tile(province, "太原市值班员（演示）")).toHaveCount(0);
  expect(await seen(national, "山西省专家（演示）")).toBe("green");

  for (const [size, name] of [[{ width: 1280, height: 800 }, "tablet"], [{ width: 3840, height: 2160 }, "wall"]] as const) {
    await national.setViewportSize(size);
    await new AppShell(national).screenshot(`consult-${name}`);
  }
});

test("a room outside the jurisdiction and a bad room name are refused", async ({ baseURL }) => {
  const national = await participant(baseURL!, "nat.duty", "red");
  const app = new AppShell(national);
  await app.open("/video");
  const path = await national
    .getByTestId("incident-room")
    .filter({ hasText: "小店区" })
    .first()
    .getByRole("link")
    .getAttribute("href");

  // Datong's officer may not see a Taiyuan incident, so its room is answered as unknown.
  const datong = await participant(baseURL!, "dt.duty", "blue");
  await new AppShell(datong).open(path!);
  await datong.getByTestId("join-call").click();
  await expect(datong.getByTestId("call-notice")).toHaveText("没有这个会商室，或您无权进入");
  await expect(datong.getByTestId("join-call")).toHaveText("重新加入");

  // An ad-hoc room: a bad name stays on the form; a good one opens the room.
  await app.open("/video");
  const form = national.getByTestId("open-room");
  await form.getByLabel("会商室名称").fill("会商 室");
  await form.getByRole("button", { name: "开设并进入" }).click();
  await expect(national.getByTestId("room-name-error")).toBeVisible();
  await form.getByLabel("会商室名称").fill("专家会商-1");
  await form.getByRole("button", { name: "开设并进入" }).click();
  await expect(national).toHaveURL(/\/video\/room\//);
  await national.getByTestId("join-call").click();
  await expect(national.getByTestId("call-title")).toHaveText("视频会商 · 专家会商-1");
});
