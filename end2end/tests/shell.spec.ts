import { expect, test } from "@playwright/test";
import { AppShell } from "../fixtures/app";

test("the overview opens in Chinese with the node, demo label and directory counts", async ({ page }) => {
  const app = new AppShell(page);
  await app.open("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(app.heading()).toHaveText("总览");
  await expect(page.getByTestId("node-identity")).toContainText("国家安全生产应急救援指挥中心（演示）");
  await expect(page.getByTestId("node-identity")).toContainText("演示数据");
  await expect(page.getByTestId("demo-banner")).toBeVisible();
  // 1 national + 31 provincial + 10 city centres of the demo set.
  await expect(page.getByTestId("count-nodes").getByRole("definition")).toHaveText("42");
  await expect(app.nav().getByRole("link")).toHaveCount(13);
  await app.screenshot("home-pc");
});

test("a section under construction says so plainly", async ({ page }) => {
  const app = new AppShell(page);
  await app.open("/");
  await app.goToSection(/预案管理/);
  await expect(page).toHaveURL(/\/plans$/);
  await expect(app.heading()).toHaveText("预案管理");
  await expect(page.getByRole("status")).toContainText("建设中");
  await expect(page.getByTestId("section-plans")).toContainText("建设中");
});

test("the language switches to English in place and is remembered", async ({ page }) => {
  const app = new AppShell(page);
  await app.open("/");
  await app.switchLanguage("English");
  await expect(app.heading()).toHaveText("Overview");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(app.nav().getByRole("link", { name: /Situation map/ })).toBeVisible();
  await page.reload();
  await app.hydrated();
  await expect(app.heading()).toHaveText("Overview");
  await app.switchLanguage("中文");
  await expect(app.heading()).toHaveText("总览");
});

test("an unknown address gets a real 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("页面不存在");
  await page.getByRole("link", { name: "返回总览" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("总览");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the overview is complete and the language switch still works", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("总览");
    await expect(page.getByTestId("count-nodes").getByRole("definition")).toHaveText("42");
    await expect(page.getByTestId("node-identity")).toContainText("演示数据");
    await page.getByRole("group").getByRole("link", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Overview");
    await expect(page).toHaveURL(/\/$/);
  });
});
