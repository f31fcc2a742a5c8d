import { expect, test } from "@playwright/test";
import { AppShell } from "../fixtures/app";
import { SituationMap } from "../fixtures/map";

test("the situation map draws China's provinces and the demo directory without any tile server", async ({ page }) => {
  const external: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith("http://127.0.0.1")) external.push(r.url());
  });
  const app = new AppShell(page);
  await app.open("/");
  await app.goToSection(/态势地图/);
  await expect(app.heading()).toHaveText("态势地图");

  const map = new SituationMap(page);
  // ~200 world countries and 34 provincial-level divisions.
  await map.waitForBaseMap(200);
  // Every located record of the demo set: 42 centres, 10 enterprises, 6 bases.
  await expect.poll(() => map.markers().count()).toBe(58);
  await app.screenshot("map-pc");

  // Markers overlap around Beijing: click where the first one is drawn, as a person would.
  await map.markers().first().click({ force: true });
  await expect(map.popup()).toContainText("演示数据");
  expect(external, "nothing may be fetched from the internet").toEqual([]);
});

test("the map follows a language switch", async ({ page }) => {
  const app = new AppShell(page);
  await app.open("/map");
  const map = new SituationMap(page);
  await map.waitForBaseMap(200);
  await app.switchLanguage("English");
  await expect(app.heading()).toHaveText("Situation map");
  await map.waitForBaseMap(200);
  await expect(map.container().getByText("Provinces")).toHaveCount(1);
  await app.switchLanguage("中文");
});
