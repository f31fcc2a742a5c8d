import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type Page, expect, test } from "@playwright/test";
import { AdminPage } from "../fixtures/admin";
import { AppShell } from "../fixtures/app";
import { TestCamera, VIDEO_BROWSER, registerCamera, seen } from "../fixtures/camera";
import { DutyDesk } from "../fixtures/desk";
import { LoginPage, SIGNED_OUT } from "../fixtures/login";

// Three real nodes (national, Shanxi, Taiyuan) with their own databases and nats-servers,
// started by the exchange harness: a Taiyuan duty officer asks the province for a rescue team,
// the provincial duty officer answers, and Taiyuan sees the answer — each in their own browser.
const harness = join(__dirname, "..", "..", "scripts", "exchange-harness.sh");
const dir = mkdtempSync(join(tmpdir(), "yingji-tiers-"));
const CITY = "http://127.0.0.1:3303";
const PROVINCE = "http://127.0.0.1:3302";
const ADMIN_PASSWORD = "Harness#Node-2026";

test.use({ storageState: SIGNED_OUT, ...VIDEO_BROWSER });
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  execFileSync("bash", [harness, "start", dir], { stdio: "inherit", timeout: 170_000 });
});

test.afterAll(() => {
  execFileSync("bash", [harness, "stop", dir], { stdio: "inherit" });
});

/** A browser of its own on one node, signed in as a duty officer the node's admin creates. */
async function dutyOfficer(browser: Browser, base: string, unit: string, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, storageState: SIGNED_OUT });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("admin", ADMIN_PASSWORD);
  await expect(login.userMenu()).toBeVisible();
  await new AppShell(page).goToSection(/系统管理/);
  const admin = new AdminPage(page);
  const password = "Tiers#Duty-2026-x";
  await admin.createUser({ username, name: `${username} 值班员`, unit, role: "值班员", password });
  await expect(admin.main().getByRole("status")).toContainText("用户已创建");
  await login.signOut();
  await login.signIn(username, password);
  await expect(login.userMenu()).toBeVisible();
  await new AppShell(page).open("/exchange");
  return page;
}

test("a city asks its province for a rescue team and sees the answer", async ({ browser }) => {
  const city = await dutyOfficer(browser, CITY, "太原市应急管理局指挥中心（测试）", "ty.duty");
  const province = await dutyOfficer(browser, PROVINCE, "山西省安全生产应急救援指挥中心（测试）", "sx.duty");
  await expect(city.getByTestId("link-state")).toContainText("已连接");

  // The place is missing: refused at its field, nothing sent.
  const form = city.getByTestId("support-form");
  await form.getByLabel("请求对象").selectOption({ label: "山西省安全生产应急救援指挥中心（测试）（上级）" });
  await form.getByLabel("资源类别").selectOption({ label: "救援队伍" });
  await form.getByLabel("数量").fill("2");
  await form.getByRole("button", { name: "发送请求" }).click();
  await expect(form.getByRole("alert")).toContainText("请填写集结地点");

  const detail = `危化品救援队，具备堵漏能力 ${Date.now()}`;
  await form.getByLabel("要求说明").fill(detail);
  await form.getByLabel("集结地点").fill("小店区应急集结点");
  await form.getByRole("button", { name: "发送请求" }).click();
  await expect(form.getByRole("status")).toContainText("支援请求已写入发件队列");
  const sent = city.getByTestId("support-request").filter({ hasText: detail });
  await expect(sent.getByTestId("support-answer")).toHaveText("待答复");

  // At the province the request arrives (the page reloads to see it) and is answered.
  const incoming = province.getByTestId("support-request").filter({ hasText: detail });
  await expect(async () => {
    await province.reload();
    await expect(incoming).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await new AppShell(province).hydrated();
  await expect(incoming).toContainText("来自 太原市应急管理局指挥中心（测试）");
  const answer = incoming.getByTestId("support-answer-form");
  await answer.getByLabel("答复").selectOption({ label: "同意支援" });
  await answer.getByLabel("支援内容或原因").fill("省危化品救援队 1 支 25 人");
  await answer.getByLabel("预计到达（分钟）").fill("90");
  await answer.getByRole("button", { name: "提交答复" }).click();
  await expect(incoming.getByTestId("support-answer")).toContainText("同意支援");
  await new AppShell(province).screenshot("support-province");

  // Back at the city: the answer, who gave it and when the team arrives.
  await expect(async () => {
    await city.reload();
    await expect(sent.getByTestId("support-answer")).toContainText("同意支援", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(sent.getByTestId("support-answer")).toContainText("省危化品救援队 1 支 25 人");
  await expect(sent.getByTestId("support-answer")).toContainText("90");
  await new AppShell(city).screenshot("support-city");
  await city.setViewportSize({ width: 1280, height: 800 });
  await new AppShell(city).screenshot("support-city-tablet");
  await city.setViewportSize({ width: 3840, height: 2160 });
  await new AppShell(city).screenshot("support-city-wall");
});

test("a city's scene camera goes up with its report and the province watches it", async ({ browser }) => {
  const camera = await TestCamera.start("blue");
  try {
    const city = await dutyOfficer(browser, CITY, "太原市应急管理局指挥中心（测试）", "ty.video");
    const province = await dutyOfficer(browser, PROVINCE, "山西省安全生产应急救援指挥中心（测试）", "sx.video");

    // A 重大 accident (12 dead) is reported up; the city registers a camera of its scene.
    const title = `西山煤矿瓦斯爆炸 ${Date.now() % 100000}`;
    const cityApp = new AppShell(city);
    await cityApp.open("/duty");
    await cityApp.hydrated();
    const desk = new DutyDesk(city);
    await desk.record({ title, type: "瓦斯爆炸", industry: "煤矿", lon: "112.55", lat: "37.87", region: "140105", deaths: "12" });
    await expect(desk.row(title)).toBeVisible();
    await cityApp.open("/video/cameras");
    await cityApp.hydrated();
    await registerCamera(city, { name: "罐区摄像机", kind: "现场摄像机", url: camera.url, subject: title });
    const cityRow = city.getByTestId("camera-row").filter({ hasText: "罐区摄像机" });
    await expect(cityRow.getByTestId("camera-state")).toContainText("在线", { timeout: 20_000 });
    // The change went up as a 续报.
    await cityApp.open("/duty");
    await desk.row(title).getByRole("link", { name: title }).click();
    await expect(city.getByTestId("timeline")).toContainText("随报告上报现场视频：罐区摄像机");

    // At the province: the camera of the copy, relayed by the city, not removable there.
    const provinceApp = new AppShell(province);
    const relayed = province.getByTestId("camera-row").filter({ hasText: "罐区摄像机" });
    await expect(async () => {
      await provinceApp.open("/video/cameras");
      await expect(relayed).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await provinceApp.hydrated();
    await expect(relayed.getByTestId("camera-relayed")).toContainText("经下级节点转发：太原市应急管理局指挥中心（测试）");
    await expect(relayed.getByRole("button", { name: "删除" })).toHaveCount(0);
    await expect(relayed.getByTestId("camera-state")).toContainText("在线", { timeout: 20_000 });
    await provinceApp.screenshot("scene-video-relayed-registry");

    // The copy's incident page plays it, through the city.
    await provinceApp.open("/duty");
    await new DutyDesk(province).row(title).getByRole("link", { name: title }).click();
    const scene = province.getByTestId("scene-video");
    await expect(scene.getByTestId("camera-picker")).toContainText("罐区摄像机");
    expect(await seen(province, scene.getByTestId("camera-panel"))).toBe("blue");
    await expect(scene.getByTestId("camera-via")).toHaveText("经下级节点转发：太原市应急管理局指挥中心（测试）");
    await provinceApp.screenshot("scene-video-relayed-incident");
  } finally {
    camera.stop();
  }
});
