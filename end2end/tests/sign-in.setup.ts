import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, LoginPage, SIGNED_IN } from "../fixtures/login";

setup("the national duty officer signs in", async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn("nat.duty", DEMO_PASSWORD);
  await expect(login.userMenu()).toContainText("国家中心值班员（演示）");
  await page.context().storageState({ path: SIGNED_IN });
});
