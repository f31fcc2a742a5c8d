import { expect, test } from "@playwright/test";
import { AppShell } from "../fixtures/app";
import { LoginPage, SIGNED_OUT } from "../fixtures/login";

test.use({ storageState: SIGNED_OUT });

const LEAK = "小店区某化工厂氯气泄漏（演示）";

test("a commander sees chlorine threat zones on the incident's map, changes the scenario and saves the assessment", async ({ page }) => {
  await new LoginPage(page).signInAs("sx.commander");
  await new AppShell(page).open("/duty");
  await page.getByTestId("incident-board").getByRole("link", { name: LEAK }).click();
  await expect(page.getByRole("heading", { level: 1, name: LEAK })).toBeVisible();
  await page.getByTestId("decision-link").click();

  // The incident names chlorine: its three AEGL zones are drawn at once, nested on the map.
  await expect(page.getByRole("heading", { level: 1, name: "辅助决策：威胁区域" })).toBeVisible();
  await expect(page.getByLabel("危险物质")).toHaveValue("chlorine");
  const rows = page.getByTestId("zone-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("AEGL-3");
  await expect(rows.nth(2)).toContainText("AEGL-1");
  const map = page.getByTestId("decision-map");
  for (const tier of ["red", "orange", "yellow"]) {
    await expect(map.locator(`path.threat-zone--${tier}`)).toHaveCount(1);
  }
  const evacuation = page.getByTestId("evacuation");
  await expect(evacuation).toContainText("建议疏散距离");
  const before = await evacuation.locator("strong").textContent();
  // Demo population is counted and labelled as demo.
  await expect(page.getByTestId("zone-summary")).toContainText("人口来自演示网格，非真实数据");
  await page.screenshot({ path: "test-results/decision-office.png", fullPage: true });

  // A bigger release reaches farther.
  await page.getByLabel("泄漏速率（kg/s）").fill("20");
  await expect(evacuation.locator("strong")).not.toHaveText(before ?? "");

  // A wind speed out of range is marked at its field; the last zones stay on the map.
  await page.getByLabel("风速（m/s）").fill("0");
  await expect(page.getByText("应在 0.1 至 50 之间")).toBeVisible();
  await expect(page.getByTestId("save-assessment")).toBeDisabled();
  await expect(map.locator("path.threat-zone--red")).toHaveCount(1);
  await page.getByLabel("风速（m/s）").fill("2");

  // At night with a clear sky the air is stable: the stability read from the weather shows.
  await page.getByLabel("白天 / 夜间").selectOption("night");
  await page.getByLabel("云量（成）").selectOption("1");
  await expect(page.getByLabel("大气稳定度")).toContainText("按气象判定（F）");

  await page.getByTestId("save-assessment").click();
  await expect(page.getByTestId("assessment-saved")).toHaveText("已保存到时间线");

  // The assessment is in the incident's timeline.
  await page.getByRole("link", { name: "返回事件" }).click();
  await expect(page.getByTestId("timeline")).toContainText("后果研判");
  await expect(page.getByTestId("timeline")).toContainText("氯 · 持续泄漏 20 kg/s");
});

test("the decision page fits a tablet and the video wall", async ({ page }) => {
  await new LoginPage(page).signInAs("sx.commander");
  await new AppShell(page).open("/duty");
  await page.getByTestId("incident-board").getByRole("link", { name: LEAK }).click();
  await page.getByTestId("decision-link").click();
  await expect(page.getByTestId("zone-row")).toHaveCount(3);
  for (const [name, width, height] of [["tablet", 1280, 800], ["wall", 3840, 2160]] as const) {
    await page.setViewportSize({ width, height });
    await expect(page.getByTestId("decision-map")).toBeVisible();
    // Let Leaflet redraw at the new size before looking.
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `test-results/decision-${name}.png` });
  }
});

test("the major-hazard registry shows graded installations on a map and grades a new one on the server", async ({ page }) => {
  await new LoginPage(page).signInAs("sx.commander");
  const app = new AppShell(page);
  await app.open("/");
  await app.goToSection(/辅助决策/);
  await expect(page).toHaveURL(/\/decision$/);
  const rows = page.getByTestId("hazard-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText("液氯储罐区（演示）");
  await expect(rows.first()).toContainText("二级");
  await expect(page.getByTestId("hazard-map").locator("path.hazard-marker")).toHaveCount(3);

  const form = page.getByTestId("hazard-form");
  await form.getByLabel("危险源名称").fill("液氯钢瓶库");
  await form.getByLabel("所属企业").fill("某水厂");
  await form.getByLabel("经度").fill("1125.6");
  await form.getByLabel("纬度").fill("37.86");
  await form.getByLabel("行政区划代码").fill("140105");
  await form.getByTestId("holding-row").first().getByLabel("危险化学品").selectOption("chlorine");
  await form.getByTestId("holding-row").first().getByLabel("最大存在量（t）").fill("10");
  await form.getByRole("button", { name: "辨识分级并保存" }).click();
  // A longitude off the earth is refused at its field; nothing is stored.
  await expect(form.getByRole("alert")).toContainText("经度");
  await expect(rows).toHaveCount(3);

  await form.getByLabel("经度").fill("112.56");
  await form.getByRole("button", { name: "辨识分级并保存" }).click();
  await expect(form.getByRole("status")).toContainText("已保存");
  // 10 t of chlorine (Q 5, β 4), nobody within 500 m (α 0.5): R = 0.5·4·2 = 4 → 四级.
  const added = rows.filter({ hasText: "液氯钢瓶库" });
  await expect(added).toContainText("四级");
  await expect(added).toContainText("4.0");
  await page.screenshot({ path: "test-results/hazards-office.png", fullPage: true });
});
