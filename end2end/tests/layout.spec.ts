import { expect, test } from "@playwright/test";
import { AppShell } from "../fixtures/app";
import { SituationMap } from "../fixtures/map";

// The three screens of a command centre: office PC, field tablet, video wall.
const screens = [
  { name: "pc", width: 1366, height: 768, touch: false },
  { name: "tablet", width: 1280, height: 800, touch: true },
  { name: "tablet-portrait", width: 800, height: 1280, touch: true },
  { name: "wall", width: 3840, height: 2160, touch: false },
];

for (const screen of screens) {
  test.describe(`on the ${screen.name} (${screen.width}×${screen.height})`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height }, hasTouch: screen.touch });

    test("every page fits the width and every control is large enough to touch", async ({ page }) => {
      const app = new AppShell(page);
      for (const path of ["/", "/map", "/duty", "/resources", "/dispatch", "/exchange"]) {
        await app.open(path);
        if (path === "/map") await new SituationMap(page).waitForBaseMap(200);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
        const links = app.nav().getByRole("link");
        for (let i = 0; i < (await links.count()); i++) {
          const box = await links.nth(i).boundingBox();
          expect(box?.height ?? 0, `nav link ${i} on ${path}`).toBeGreaterThanOrEqual(44);
        }
        await app.screenshot(`${screen.name}${path === "/" ? "-home" : path.replace("/", "-")}`);
      }
    });
  });
}
