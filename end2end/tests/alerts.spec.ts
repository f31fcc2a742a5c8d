import { expect, test, type Browser, type Page } from "@playwright/test";
import { AppShell } from "../fixtures/app";
import { LoginPage, SIGNED_OUT } from "../fixtures/login";

test.use({ storageState: SIGNED_OUT });

/** The public portal as a citizen's phone opens it: no session, JavaScript off. */
async function citizen(browser: Browser) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    storageState: SIGNED_OUT,
  });
  return context.newPage();
}

async function as(page: Page, username: string, path: string) {
  const login = new LoginPage(page);
  await login.signInAs(username);
  await new AppShell(page).open(path);
}

async function step(page: Page, testid: string, status: string) {
  await page.getByTestId(testid).click();
  await expect(page.getByTestId("alert-status")).toHaveText(status);
}

test("an officer drafts a warning, a second approves, citizens read it without JavaScript; update and cancel follow", async ({ page, browser }) => {
  const headline = `太原市小店区液氨泄漏橙色预警 ${Date.now()}`;
  await as(page, "nat.alert", "/alerts");
  await page.getByTestId("new-alert").click();
  const form = page.getByTestId("alert-form");
  await expect(form).toBeVisible();
  await new AppShell(page).hydrated();

  // An open polygon is refused with the reason, at its field; nothing is lost.
  await form.getByText("橙色预警").click();
  await form.getByLabel("事件类型", { exact: true }).fill("危险化学品泄漏");
  await form.getByLabel("标题", { exact: true }).fill(headline);
  await form.getByLabel("预警内容", { exact: true }).fill("一化工企业液氨储罐泄漏，下风向 3 公里内可能受影响。");
  await form.getByLabel("防御指引", { exact: false }).first().fill("关闭门窗，停止室外活动，听从社区通知向西北方向撤离。");
  await form.getByLabel("影响区域描述", { exact: true }).fill("太原市小店区事发地周边 3 公里");
  await form.getByLabel("区域多边形", { exact: false }).fill("37.80,112.55 37.80,112.60 37.76,112.60");
  await form.getByLabel("行政区划代码", { exact: false }).fill("140100");
  await page.screenshot({ path: "test-results/alert-form-office.png", fullPage: true });
  await page.getByTestId("save-alert").click();
  await expect(form.getByRole("alert")).toContainText("多边形至少需要 4 个点");
  await form.getByLabel("区域多边形", { exact: false }).fill("");
  await form.getByLabel("区域圆", { exact: false }).fill("37.74,112.565 3");
  await page.getByTestId("save-alert").click();

  // Saved: the alert's page; the author submits it and may not approve it.
  await expect(page.getByTestId("alert-headline")).toHaveText(headline);
  await expect(page.getByTestId("alert-status")).toHaveText("草稿");
  await step(page, "action-submit", "待审批");
  await expect(page.getByTestId("pending-note")).toContainText("提交人不能批准自己的预警");
  await expect(page.getByTestId("action-approve")).toHaveCount(0);
  const url = page.url();
  await new LoginPage(page).signOut();

  // A second officer approves it.
  await as(page, "nat.commander", new URL(url).pathname);
  await step(page, "action-approve", "已发布");
  await expect(page.getByTestId("alert-version")).toHaveCount(1);
  await expect(page.getByTestId("alert-published")).toContainText("关闭门窗");
  await page.screenshot({ path: "test-results/alert-published-office.png", fullPage: true });

  // Citizens see it on the portal with scripts off, and open it.
  const phone = await citizen(browser);
  await phone.goto("/public");
  await expect(phone.getByRole("heading", { level: 1, name: "当前生效的预警" })).toBeVisible();
  await phone.getByRole("link", { name: headline }).click();
  await expect(phone.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expect(phone.getByText("关闭门窗，停止室外活动")).toBeVisible();
  await expect(phone.locator('link[rel="alternate"][type="application/cap+xml"]')).toHaveCount(1);
  await phone.screenshot({ path: "test-results/portal-alert-phone.png", fullPage: true });

  // The commander updates it (the area grows); the officer approves the update.
  await step(page, "action-update", "已发布");
  await page.getByText("修改草稿").click();
  const edit = page.getByTestId("alert-form");
  await edit.getByLabel("标题", { exact: true }).fill(`${headline} 范围扩大`);
  await edit.getByLabel("区域圆", { exact: false }).fill("37.74,112.565 5");
  await page.getByTestId("save-alert").click();
  await expect(page.getByTestId("alert-work")).toContainText("范围扩大");
  await page.getByTestId("action-submit").click();
  await expect(page.getByTestId("pending-note")).toBeVisible();
  await new LoginPage(page).signOut();
  await as(page, "nat.alert", new URL(url).pathname);
  await page.getByTestId("action-approve").click();
  await expect(page.getByTestId("alert-version")).toHaveCount(2);

  await phone.reload();
  await expect(phone.getByRole("heading", { level: 1, name: `${headline} 范围扩大` })).toBeVisible();
  await expect(phone.getByText("（已被更新）")).toHaveCount(1);

  // The officer asks for the cancellation; the commander approves it.
  await step(page, "action-cancel", "已发布");
  await expect(page.getByTestId("pending-note")).toBeVisible();
  await new LoginPage(page).signOut();
  await as(page, "nat.commander", new URL(url).pathname);
  await step(page, "action-approve", "已撤销");
  await phone.reload();
  await expect(phone.getByRole("alert")).toContainText("本预警已撤销");
  await phone.goto("/public");
  await expect(phone.getByRole("link", { name: headline })).toHaveCount(0);
  await phone.close();
});

test("the portal works without JavaScript: archive search, map, feeds; and fits a phone and the wall", async ({ browser }) => {
  const phone = await citizen(browser);
  await phone.goto("/public");
  await expect(phone.getByText("演示数据：本站预警均为演示")).toBeVisible();
  await expect(phone.getByRole("link", { name: /液氯泄漏橙色预警（演示）/ })).toBeVisible();
  await phone.screenshot({ path: "test-results/portal-home-phone.png", fullPage: true });

  await phone.getByRole("link", { name: "历史预警" }).click();
  await phone.getByLabel("关键词").fill("仓储火灾");
  await phone.getByRole("button", { name: "搜索" }).click();
  await expect(phone.getByText("共 2 条")).toBeVisible();
  await expect(phone).toHaveURL(/q=/);

  await phone.getByRole("link", { name: "预警地图" }).click();
  await expect(phone.locator("svg.map polygon")).not.toHaveCount(0);
  await phone.screenshot({ path: "test-results/portal-map-phone.png", fullPage: true });

  const feed = await phone.request.get("/public/feed.atom");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  expect(await feed.text()).toContain("application/cap+xml");

  await phone.setViewportSize({ width: 3840, height: 2160 });
  await phone.goto("/public");
  await expect(phone.getByRole("heading", { level: 1, name: "当前生效的预警" })).toBeInViewport();
  await phone.screenshot({ path: "test-results/portal-home-wall.png" });
  await phone.close();
});
