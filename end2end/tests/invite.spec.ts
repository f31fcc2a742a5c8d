import { expect, test } from "@playwright/test";
import { AppShell } from "../fixtures/app";
import { closeBrowsers, guest, participant, seen, tile } from "../fixtures/call";
import { SIGNED_OUT } from "../fixtures/login";

// 专家邀请: an officer invites an expert of the registry to a consultation with a link that
// needs no account; the expert joins with camera and microphone; the revoked link opens nothing.
test.use({ storageState: SIGNED_OUT });
test.setTimeout(120_000);
test.afterAll(closeBrowsers);

test("an expert of the registry joins through an expiring link, which is then revoked", async ({ baseURL }) => {
  const officer = await participant(baseURL!, "ty.duty", "red");
  const app = new AppShell(officer);
  await app.open("/video");
  const form = officer.getByTestId("open-room");
  await form.getByLabel("会商室名称").fill("氯气泄漏专家会商");
  await form.getByRole("button", { name: "开设并进入" }).click();
  await expect(officer).toHaveURL(/\/video\/room\//);
  await app.hydrated();

  // The invitation: an expert of Taiyuan's registry, for four hours.
  const panel = officer.getByTestId("invite-panel");
  await panel.getByText("邀请专家", { exact: true }).click();
  const invite = panel.getByTestId("invite-form");
  await invite.getByLabel("专家").selectOption({ label: "刘某（演示） · 研究员 · 山西省化工研究所（演示） · 0351-0000009" });
  await expect(invite.getByLabel("有效期")).toHaveValue("4");
  await invite.getByRole("button", { name: "生成邀请链接" }).click();
  const link = await panel.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/video\/join\/[0-9a-f]{64}$/);
  await expect(panel.getByTestId("open-invitation")).toHaveCount(1);
  await new AppShell(officer).screenshot("invite-link");
  await officer.getByTestId("join-call").click();
  await expect(officer.getByTestId("call-controls")).toBeVisible();

  // The expert opens the link in a browser that never signed in here, and joins.
  const expert = await guest(baseURL!, "green");
  await new AppShell(expert).open(new URL(link).pathname);
  const facts = expert.getByTestId("guest-invitation");
  await expect(facts).toContainText("氯气泄漏专家会商");
  await expect(facts).toContainText("刘某（演示）");
  await expect(facts).toContainText("太原市值班员（演示）");
  await new AppShell(expert).screenshot("invite-guest");
  await expert.getByTestId("join-call").click();
  await expect(expert.getByTestId("call-title").or(expert.getByTestId("call-controls")).first()).toBeVisible();
  expect(await seen(officer, "刘某（演示）")).toBe("green");
  expect(await seen(expert, "太原市值班员（演示）")).toBe("red");
  await expect(tile(officer, "刘某（演示）")).toContainText("特邀专家");

  // Revoked: the link opens nothing more; the expert already in the room stays.
  await panel.getByRole("button", { name: "撤销" }).click();
  await expect(panel.getByTestId("open-invitation")).toHaveCount(0);
  const late = await guest(baseURL!, "blue");
  await new AppShell(late).open(new URL(link).pathname);
  await expect(late.getByTestId("guest-invalid")).toHaveText("邀请链接无效、已过期或已被撤销。请联系邀请人重新发送。");
  await expect(tile(officer, "刘某（演示）")).toHaveCount(1);
});
