import { expect, test } from "@playwright/test";
import { AdminPage } from "../fixtures/admin";
import { AppShell } from "../fixtures/app";
import { DEMO_PASSWORD, LoginPage } from "../fixtures/login";

test("an administrator creates a user who can then sign in", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("sx.admin", DEMO_PASSWORD);
  await expect(login.userMenu()).toContainText("山西省管理员（演示）");

  const app = new AppShell(page);
  await app.goToSection(/系统管理/);
  const admin = new AdminPage(page);
  await expect(admin.userTable()).toContainText("sx.duty");
  // Only the province's own units are offered: never the national centre above it.
  await expect(page.getByLabel("所属机构").locator("option", { hasText: "国家安全生产应急救援指挥中心" })).toHaveCount(0);

  const user = { username: "ty.night", name: "太原夜班值班员", unit: "太原市应急管理局（演示）", role: "值班员" };
  await admin.createUser({ ...user, password: "weak" });
  await expect(page.getByRole("main").getByRole("alert")).toContainText("至少 12 个字符");

  await admin.createUser({ ...user, password: "Fenhe#Night-2026" });
  await expect(page.getByRole("main").getByRole("status")).toContainText("用户已创建");
  await expect(admin.userTable()).toContainText("ty.night");
  await expect(page.getByRole("main").getByLabel("用户名")).toHaveValue("");
  await app.screenshot("admin-pc");

  await login.userMenu().getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await login.signIn("ty.night", "Fenhe#Night-2026");
  await expect(login.userMenu()).toContainText("太原夜班值班员");
});

test("administration asks for an administrator", async ({ page }) => {
  const app = new AppShell(page);
  await app.open("/admin");
  await expect(page.getByRole("main")).toContainText("系统管理需要以系统管理员身份登录");
  await expect(page.getByTestId("user-table")).toHaveCount(0);
});
