import { expect, test } from "@playwright/test";
import { AppShell } from "../fixtures/app";
import { LoginPage, SIGNED_OUT } from "../fixtures/login";

test.use({ storageState: SIGNED_OUT });

test("the registry lists demo teams, filters by capability and refuses a negative headcount", async ({ page }) => {
  await new LoginPage(page).signInAs("ty.duty");
  const app = new AppShell(page);
  await app.open("/resources?cap=hazchem");
  const table = page.getByTestId("resource-table");
  await expect(table).toContainText("山西省危化品应急救援太原队（演示）");
  await expect(table).not.toContainText("大同矿山救护大队（演示）");
  // The listed entries are on the map too.
  await expect.poll(() => page.getByTestId("resource-map").locator(".resource-marker").count()).toBeGreaterThan(0);

  // On an office PC the form is folded away beside the list.
  await page.getByRole("heading", { name: "新增资源" }).click();
  const form = page.getByTestId("resource-form");
  await form.getByLabel("名称").fill("小店区企业专职救援队");
  await form.getByLabel("数量").fill("-5");
  await form.getByLabel("经度").fill("112.57");
  await form.getByLabel("纬度").fill("37.74");
  await form.getByLabel("行政区划代码").fill("140100");
  await form.getByLabel("危化品处置").check();
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("alert")).toContainText("不能为负数");

  await form.getByLabel("数量").fill("24");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存");
  await expect(table).toContainText("小店区企业专职救援队");
  await page.screenshot({ path: "test-results/registry.png", fullPage: true });
});

test("an import with a bad row changes nothing and names the line; valid rows only imports the rest", async ({ page }) => {
  await new LoginPage(page).signInAs("ty.duty");
  await new AppShell(page).open("/resources?q=" + encodeURIComponent("导入测试"));
  const table = page.getByTestId("resource-count");
  await expect(table).toHaveText("共 0");

  const panel = page.getByTestId("import-panel");
  await panel.getByText("导入 / 导出").click();
  const csv = [
    "类别,名称,能力,数量,计量单位,经度,纬度,行政区划代码",
    "救援队伍,导入测试甲队,危化品处置,20,人,112.48,37.72,140100",
    "救援队伍,导入测试乙队,矿山救护,-3,人,112.50,37.80,140100",
  ].join("\n");
  const file = { name: "资源.csv", mimeType: "text/csv", buffer: Buffer.from(csv) };
  await panel.getByLabel("导入文件").setInputFiles(file);
  await panel.getByRole("button", { name: "导入", exact: true }).click();
  const report = panel.getByTestId("import-report");
  await expect(report).toContainText("未导入任何数据");
  await expect(panel.getByTestId("import-errors")).toContainText("不能为负数");
  await expect(panel.getByTestId("import-errors").getByRole("row").nth(1)).toContainText("3");
  await expect(table).toHaveText("共 0");

  await panel.getByLabel(/只导入无误的行/).check();
  await panel.getByLabel("导入文件").setInputFiles(file);
  await panel.getByRole("button", { name: "导入", exact: true }).click();
  await expect(report).toContainText("导入 1");
  await expect(table).toHaveText("共 1");
  await expect(page.getByTestId("resource-table")).toContainText("导入测试甲队");
  await page.screenshot({ path: "test-results/import.png", fullPage: true });

  // The export link carries the filter.
  await expect(panel.getByTestId("export-xlsx")).toHaveAttribute("href", /export\.xlsx\?q=/);
});
