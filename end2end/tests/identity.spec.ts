import { expect, test } from "@playwright/test";
import { AppShell } from "../fixtures/app";
import { DEMO_PASSWORD, LoginPage } from "../fixtures/login";

test("a duty officer signs in, sees who they are, and signs out", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("ty.duty", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/$/);
  await expect(login.userMenu()).toContainText("太原市值班员（演示）");
  await expect(login.userMenu()).toContainText("值班员");
  await new AppShell(page).screenshot("signed-in-pc");

  await login.userMenu().getByRole("button", { name: "退出" }).click();
  await expect(page).toHaveURL(/\/login$/);
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
