import { expect, test } from "@playwright/test";
import { AppShell } from "../fixtures/app";
import { DEMO_PASSWORD, LoginPage, SIGNED_OUT } from "../fixtures/login";

test.use({ storageState: SIGNED_OUT });

test("a duty officer signs in, sees who they are, and signs out", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("ty.duty", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(login.userMenu()).toContainText("太原市值班员（演示）");
  await expect(login.userMenu()).toContainText("值班员");
  await new AppShell(page).screenshot("signed-in-pc");

  await login.signOut();
  await expect(login.userMenu()).toHaveCount(0);
  await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
});

test("a wrong password is refused without saying whether the account exists", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("sx.commander", "Wrong#Password-1");
  await expect(login.alert()).toHaveText("用户名或密码错误。");
  await login.signIn("no.such.user", "Wrong#Password-1");
  await expect(login.alert()).toHaveText("用户名或密码错误。");
  await expect(login.userMenu()).toHaveCount(0);
});

test("a page opened signed out asks for sign-in, then opens", async ({ page }) => {
  await page.goto("/map");
  await expect(page).toHaveURL(/\/login\?next=\/map$/);
  const login = new LoginPage(page);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await login.signIn("dt.duty", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/map$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("态势地图");
});

test("a user changes their own password from the account page", async ({ page }) => {
  const login = new LoginPage(page);
  await login.signInAs("sx.expert");
  await login.userMenu().getByRole("link", { name: "山西省专家（演示）" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account")).toContainText("sx.expert");
  const main = page.getByRole("main");
  const change = async (current: string, next: string) => {
    await main.getByLabel("当前密码").fill(current);
    await main.getByLabel(/^新密码/).fill(next);
    await main.getByLabel("再次输入新密码").fill(next);
    await main.getByRole("button", { name: "修改密码" }).click();
  };
  await change("Wrong#Password-1", "Lvliang#Ridge-2026");
  await expect(main.getByRole("alert")).toContainText("当前密码不正确");
  await change(DEMO_PASSWORD, "Lvliang#Ridge-2026");
  await expect(main.getByRole("status")).toContainText("密码已修改");
  await new AppShell(page).screenshot("account-pc");
  await login.signOut();
  await login.signIn("sx.expert", "Lvliang#Ridge-2026");
  await expect(login.userMenu()).toContainText("山西省专家（演示）");
});
