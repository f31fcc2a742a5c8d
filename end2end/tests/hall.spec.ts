import { expect, test } from "@playwright/test";
import { AppShell } from "../fixtures/app";
import { LoginPage, SIGNED_OUT } from "../fixtures/login";

// The demo hall: every device is a simulator the node runs (PJLink projectors, VISCA cameras,
// Kramer and Extron matrices), driven through the same drivers as real ones.
test.use({ storageState: SIGNED_OUT });

test("a hall operator recalls a scene, drives a camera and saves a new wall layout", async ({ page }) => {
  await new LoginPage(page).signInAs("nat.hall");
  const app = new AppShell(page);
  await app.goToSection("指挥大厅");
  await expect(app.heading()).toHaveText("指挥大厅");
  await app.hydrated();

  const device = (id: string) => page.locator(`[data-device="${id}"]`);
  for (const id of ["wall-matrix", "proj-left", "cam-hall", "room-matrix"]) {
    await expect(device(id).getByTestId("device-link")).toHaveText("在线");
  }

  // A projector in standby refuses an input change, and says so in its own terms.
  await device("proj-right").getByLabel("信号源").selectOption("32");
  await expect(device("proj-right").getByRole("alert").first()).toContainText("ERR3");

  // One click sets the wall, the projector and the hall camera.
  await page.getByRole("button", { name: "调用 重大事故（演示）" }).click();
  await expect(page.getByTestId("scene-report")).toHaveText("场景已全部执行");
  const ties = device("wall-matrix").getByTestId("device-facts");
  await expect(ties).toContainText("1←1");
  await expect(ties).toContainText("4←2");
  await expect(ties).toContainText("16←5");
  await expect(device("proj-left").getByTestId("device-facts")).toContainText("信号源 31");
  await expect(device("cam-hall").getByTestId("device-facts")).toContainText("预置位 1");

  // The camera pad: a preset recalled with a click.
  await device("cam-desk").getByRole("button", { name: "3", exact: true }).click();
  await expect(device("cam-desk").getByTestId("device-facts")).toContainText("预置位 3");
  await app.screenshot("hall-office");

  // The wall editor: load a scene, change a tile, save under a new name; no name is refused.
  const editor = page.getByTestId("wall-editor");
  await page.getByRole("button", { name: "日常值守（演示）", exact: true }).click();
  await editor.getByLabel("大屏布局 16").selectOption({ label: "电视新闻" });
  await editor.getByLabel("场景名称").fill("");
  await editor.getByRole("button", { name: "保存为场景" }).click();
  await expect(editor.getByRole("alert")).toContainText("场景名称为 1–60 字");
  const name = `夜间值守 ${Date.now() % 100000}`;
  await editor.getByLabel("场景名称").fill(name);
  await editor.getByRole("button", { name: "保存为场景" }).click();
  await expect(editor.getByRole("status")).toContainText("场景已保存");
  await page.getByRole("button", { name: `调用 ${name}` }).click();
  await expect(page.getByTestId("scene-report")).toHaveText("场景已全部执行");
  await expect(ties).toContainText("1←1");
  await expect(ties).toContainText("16←7");

  await page.setViewportSize({ width: 1280, height: 800 });
  await app.screenshot("hall-tablet");
  await page.setViewportSize({ width: 3840, height: 2160 });
  await app.screenshot("hall-wall");
});
