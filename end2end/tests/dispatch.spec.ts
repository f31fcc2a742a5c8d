import { expect, test } from "@playwright/test";
import { AppShell } from "../fixtures/app";
import { DispatchBoard, DispatchPanel, FieldTerminal } from "../fixtures/dispatch";
import { LoginPage, SIGNED_OUT } from "../fixtures/login";

test.use({ storageState: SIGNED_OUT });

const BLAST = "云冈区某煤矿瓦斯爆炸（演示）";
const NEAREST = "同煤第二救护中队（演示）";
const BRIGADE = "大同矿山救护大队（演示）";

test("a commander dispatches two teams; another board moves live; the field tablet reports arrival into the timeline", async ({ page, browser }) => {
  // The provincial commander opens the gas explosion from the duty desk.
  const login = new LoginPage(page);
  await login.signInAs("sx.commander");
  const app = new AppShell(page);
  await app.open("/duty");
  await page.getByTestId("incident-board").getByRole("link", { name: BLAST }).click();
  await expect(page.getByRole("heading", { level: 1, name: BLAST })).toBeVisible();

  // A second browser watches the dispatch board.
  const watching = await browser.newContext({ storageState: SIGNED_OUT, viewport: { width: 1366, height: 768 } });
  const watcher = await watching.newPage();
  await new LoginPage(watcher).signInAs("sx.commander");
  await new AppShell(watcher).open("/dispatch");
  await expect(watcher.getByTestId("live-status")).toHaveText("实时");
  const board = new DispatchBoard(watcher);

  // Mine rescue is what a gas explosion calls for first, nearest team first.
  const panel = new DispatchPanel(page);
  const firstGroup = panel.orderForm().getByTestId("candidate-group").first();
  await expect(firstGroup.getByRole("heading")).toHaveText("矿山救护");
  await expect(firstGroup.getByTestId("candidate").first()).toContainText(NEAREST);
  await page.screenshot({ path: "test-results/dispatch-incident.png", fullPage: true });

  // A dispatch with nothing ticked is refused with a reason.
  await panel.orderForm().getByRole("button", { name: "调派所选资源" }).click();
  await expect(panel.orderForm().getByRole("alert")).toContainText("请至少勾选一项资源");

  await panel.dispatch([NEAREST, BRIGADE]);
  await expect(panel.card(NEAREST)).toContainText("已调派");
  await expect(panel.card(BRIGADE)).toContainText("已调派");
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText(`${BRIGADE}（救援队伍） 已调派，预计`);
  // Sent teams are no longer offered.
  await expect(panel.candidate(BRIGADE)).toHaveCount(0);
  await panel.panel().screenshot({ path: "test-results/dispatch-panel.png" });

  // The other board received both cards without reloading.
  await expect(board.card("dispatched", NEAREST)).toBeVisible();
  await expect(board.card("dispatched", BRIGADE)).toBeVisible();
  await watcher.screenshot({ path: "test-results/dispatch-board.png" });

  // The brigade's field commander opens its terminal on a 10-inch tablet and reports arrival.
  const fieldHref = await panel.card(BRIGADE).getByRole("link", { name: "现场终端" }).getAttribute("href");
  const tabletContext = await browser.newContext({
    storageState: SIGNED_OUT,
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
  });
  const tablet = await tabletContext.newPage();
  await new LoginPage(tablet).signInAs("dtd.field");
  await new AppShell(tablet).open(fieldHref!);
  const field = new FieldTerminal(tablet);
  await expect(field.status()).toHaveText("已调派");
  await field.step("已到达");
  await expect(field.status()).toHaveText("已到达");
  await tablet.screenshot({ path: "test-results/dispatch-field.png" });

  // The board moves the card, and the incident's timeline records it, both live.
  await expect(board.card("arrived", BRIGADE)).toBeVisible();
  await expect(board.card("dispatched", BRIGADE)).toHaveCount(0);
  await expect(timeline).toContainText(`${BRIGADE}（救援队伍） 已到达`);

  // Both teams withdraw: they are free for the next call.
  await field.step("撤离");
  await expect(field.status()).toHaveText("已撤离");
  await panel.card(NEAREST).getByRole("button", { name: "撤离" }).click();
  await expect(board.card("withdrawn", NEAREST)).toBeVisible();
  await expect(panel.candidate(BRIGADE)).toHaveCount(1);

  await tabletContext.close();
  await watching.close();

  // The after-action evaluation is computed from what was just recorded.
  await page.getByTestId("evaluation-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("事后评估");
  await expect(page.getByTestId("first-dispatch")).toHaveText(/^\d+:\d\d:\d\d$/);
  const arrivals = page.getByTestId("arrivals");
  await expect(arrivals.getByRole("row").filter({ hasText: BRIGADE })).toContainText("按时");
  await expect(arrivals.getByRole("row").filter({ hasText: NEAREST })).toContainText("—");
  await expect(page.getByTestId("scoring")).toContainText("合计");
  await page.screenshot({ path: "test-results/evaluation.png", fullPage: true });
});
