import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const page = await browser.newPage();
page.on("console", (m) => console.log("console:", m.type(), m.text().slice(0, 400)));
page.on("pageerror", (e) => console.log("pageerror:", e.message.slice(0, 400)));
await page.goto("http://127.0.0.1:3111/login");
await page.waitForSelector("html[data-hydrated]");
await page.getByLabel("用户名").fill("nat.alert");
await page.getByLabel("密码").fill("Demo#Duty-2026");
await page.getByRole("main").getByRole("button", { name: "登录" }).click();
await page.waitForTimeout(2000);
for (const path of process.argv.slice(2)) {
  await page.goto("http://127.0.0.1:3111" + path);
  await page.waitForTimeout(3000);
  console.log(path, "hydrated:", await page.locator("html[data-hydrated]").count());
  await page.screenshot({ path: `/tmp/shot${path.replaceAll("/", "_")}.png`, fullPage: true });
}
await browser.close();
