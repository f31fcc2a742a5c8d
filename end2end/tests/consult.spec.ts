import { expect, test } from "@playwright/test";
import { AppShell } from "../fixtures/app";
import { closeBrowsers, joinCall, participant, seen, tile } from "../fixtures/call";
import { SIGNED_OUT } from "../fixtures/login";

// Video consultation through the node's SFU: each participant is a browser of its own whose
// fake camera shows one solid colour, so a tile's colour proves whose video it is.
test.use({ storageState: SIGNED_OUT });
test.setTimeout(120_000);
test.afterAll(closeBrowsers);

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
