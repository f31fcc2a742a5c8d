import { expect, test } from "@playwright/test";
import { AdminPage } from "../fixtures/admin";
import { AppShell } from "../fixtures/app";
import { LoginPage, SIGNED_OUT } from "../fixtures/login";

test.use({ storageState: SIGNED_OUT });

test("an administrator creates a user who can then sign in", async ({ page }) => {
  const login = new LoginPage(page);
  await login.signInAs("sx.admin");
  await expect(login.userMenu()).toContainText("山西省管理员（演示）");

  const app = new AppShell(page);
  await app.goToSection(/系统管理/);
  const admin = new AdminPage(page);
  await expect(admin.userTable()).toContainText("sx.duty");
  // Only the province's own units are offered: never the national centre above it.
  await expect(page.getByLabel("所属机构").locator("option", { hasText: "国家安全生产应急救援指挥中心" })).toHaveCount(0);

  const user = { username: "ty.night", name: "太原夜班值班员", unit: "太原市应急管理局（演示）", role: "值班员" };
  await admin.createUser({ ...user, password: "weak" });
  await expect(admin.main().getByRole("alert")).toContainText("至少 12 个字符");

  await admin.createUser({ ...user, password: "Fenhe#Night-2026" });
  await expect(admin.main().getByRole("status")).toContainText("用户已创建");
  await expect(admin.userTable()).toContainText("ty.night");
  await expect(admin.main().getByLabel("用户名")).toHaveValue("");
  await app.screenshot("admin-pc");

  await login.signOut();
  await login.signIn("ty.night", "Fenhe#Night-2026");
  await expect(login.userMenu()).toContainText("太原夜班值班员");
});

test("administration asks for an administrator", async ({ page }) => {
  await new LoginPage(page).signInAs("ty.duty");
  await new AppShell(page).open("/admin");
  await expect(page.getByRole("main")).toContainText("系统管理需要以系统管理员身份登录");
  await expect(page.getByTestId("user-table")).toHaveCount(0);
});

test("a city administrator cannot open another city's user by its address", async ({ page }) => {
  const login = new LoginPage(page);
  await login.signInAs("ty.admin");
  const app = new AppShell(page);
  await app.open("/admin");
  const admin = new AdminPage(page);
  await admin.userTable().getByRole("link", { name: "ty.duty" }).click();
  await expect(page.getByTestId("user-detail")).toContainText("太原市值班员（演示）");
  const address = page.url();
  expect(address).toMatch(/\/admin\/users\/[0-9a-f-]{36}$/);

  await login.signOut();
  await login.signInAs("dt.admin");
  await app.open(address);
  await expect(admin.main().getByRole("alert")).toHaveText("请求的记录不存在。");
  await expect(admin.main()).not.toContainText("太原市值班员");
  await app.screenshot("admin-other-city-pc");
});

test("an administrator changes a user's role and disables the account", async ({ page }) => {
  await new LoginPage(page).signInAs("ty.admin");
  const app = new AppShell(page);
  await app.open("/admin");
  const admin = new AdminPage(page);
  await admin.userTable().getByRole("link", { name: "ty.readonly" }).click();
  await expect(page.getByTestId("user-detail")).toContainText("太原市只读用户（演示）");
  await admin.main().getByRole("combobox", { name: /^角色/ }).selectOption({ label: "分析员" });
  await admin.main().getByRole("button", { name: "更改角色" }).click();
  await expect(admin.main().getByRole("status")).toContainText("角色已更改");
  await expect(admin.main().locator(".facts")).toContainText("分析员");
  await admin.main().getByRole("button", { name: "停用账号" }).click();
  await expect(admin.main().locator(".facts")).toContainText("停用");
  await app.screenshot("admin-user-pc");
  await admin.main().getByRole("button", { name: "启用账号" }).click();
  await expect(admin.main().locator(".facts")).toContainText("启用");
});

test("an administrator issues an API key shown once, and revokes it", async ({ page }) => {
  await new LoginPage(page).signInAs("sx.admin");
  const app = new AppShell(page);
  await app.open("/admin");
  const admin = new AdminPage(page);
  await admin.tab("API 密钥");
  await expect(page).toHaveURL(/\/admin\/keys$/);
  await admin.createKey({ name: "太原 119 接警中心", unit: "太原市应急管理局（演示）", scope: "报送事故（接警中心）", days: "90" });
  const issued = page.getByTestId("issued-key");
  await expect(issued).toContainText("无法再次查看");
  const key = (await issued.locator("code").textContent()) ?? "";
  expect(key).toMatch(/^yjk_[0-9a-f]{64}$/);
  await expect(admin.keyTable()).toContainText("太原 119 接警中心");
  await expect(admin.keyTable()).toContainText("incidents:write");
  await expect(admin.keyTable()).not.toContainText(key);
  await app.screenshot("admin-keys-pc");

  const whoami = () => page.request.get("/api/v1/whoami", { headers: { Authorization: `Bearer ${key}` } });
  expect((await whoami()).status()).toBe(200);
  const row = admin.keyTable().getByRole("row", { name: /太原 119 接警中心/ });
  await row.getByRole("button", { name: "吊销" }).click();
  await expect(row).toContainText("已吊销");
  expect((await whoami()).status()).toBe(401);
});

test("an administrator ends another user's session at once", async ({ page, browser }) => {
  // The duty officer's tablet, in a browser of its own.
  const tablet = await browser.newContext({ storageState: SIGNED_OUT });
  const duty = await tablet.newPage();
  await new LoginPage(duty).signInAs("ty.field");

  await new LoginPage(page).signInAs("ty.admin");
  const app = new AppShell(page);
  await app.open("/admin/sessions");
  const admin = new AdminPage(page);
  const row = admin.sessionTable().getByRole("row", { name: /ty\.field/ });
  await expect(row).toHaveCount(1);
  // The address the tablet signed in from, as the socket saw it.
  await expect(row).toContainText("127.0.0.1");
  await app.screenshot("admin-sessions-pc");
  await row.getByRole("button", { name: "结束会话" }).click();
  await expect(row).toBeHidden();

  await duty.reload();
  await expect(duty).toHaveURL(/\/login\?next=/);
  await tablet.close();
});

test("the audit log shows who did what, filtered", async ({ page }) => {
  await new LoginPage(page).signInAs("nat.admin");
  const app = new AppShell(page);
  await app.open("/admin/audit");
  const admin = new AdminPage(page);
  await expect(admin.auditTable()).toContainText("identity.login");
  await admin.main().getByLabel("操作人（用户名）").fill("nat.admin");
  await admin.main().getByLabel("操作", { exact: true }).fill("identity.login");
  await admin.main().getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/actor=nat\.admin/);
  const rows = admin.auditTable().locator("tbody tr");
  await expect(rows.first()).toContainText("nat.admin");
  for (const text of await rows.allTextContents()) expect(text).toContain("identity.login");
  await app.screenshot("admin-audit-pc");
  await page.setViewportSize({ width: 3840, height: 2160 });
  await app.screenshot("admin-audit-wall");
  await page.setViewportSize({ width: 800, height: 1280 });
  await app.screenshot("admin-audit-tablet-portrait");
});
