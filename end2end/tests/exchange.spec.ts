import { expect, test } from "@playwright/test";
import { AppShell } from "../fixtures/app";

// The demo node runs alone (no NATS server, no node key): the page says so plainly, and a
// directive written here waits in the outbox until the exchange is configured.
test("the duty officer sees the exchange link and queues a directive for every node below", async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open("/duty");
  await shell.goToSection("互联互通");
  await expect(shell.heading()).toHaveText("互联互通");
  await shell.hydrated();
  await expect(page.getByTestId("link-state")).toContainText("未配置交换");
  await expect(page.getByTestId("no-peers")).toBeVisible();
  // Support can only be asked of a registered parent or child.
  await expect(page.getByTestId("support-unavailable")).toContainText("尚未登记上级或下级节点");
  // The demo alerts published at start-up already wait to go down to the tiers below.
  const backlog = page.getByTestId("exchange-backlog");
  const queued = Number((await backlog.textContent())?.match(/下发 (\d+)/)?.[1]);
  expect(queued).toBeGreaterThanOrEqual(0);

  // Bad input is refused at its field, and nothing is queued.
  const form = page.getByTestId("directive-form");
  await form.getByRole("button", { name: "下发" }).click();
  await expect(form.getByRole("alert")).toContainText("请填写标题");
  await expect(backlog).toContainText(`下发 ${queued}`);

  const title = `加强节日期间应急值守 ${Date.now()}`;
  await form.getByLabel("标题").fill(title);
  await form.getByLabel("内容").fill("各级应急指挥中心实行24小时领导带班，重大情况及时报告。");
  await form.getByRole("button", { name: "下发" }).click();
  await expect(form.getByRole("status")).toContainText("已写入发件队列");
  const sent = page.getByTestId("directive").filter({ hasText: title });
  await expect(sent).toContainText("发往 全部下级");
  await expect(sent.getByTestId("directive-receipts")).toHaveText("尚无签收");
  await expect(backlog).toContainText(`下发 ${queued + 1}`);
  await shell.screenshot("exchange-office");

  await page.setViewportSize({ width: 1280, height: 800 });
  await shell.screenshot("exchange-tablet");
  await page.setViewportSize({ width: 3840, height: 2160 });
  await shell.screenshot("exchange-wall");
});
