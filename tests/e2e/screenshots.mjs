// Screenshots of the main pages for the README (docs/screenshots/*.png), taken in Chromium against the real
// server with a fresh account. Run by scripts/screenshots.sh.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { launch, newPage, repo, startStack, stopAll } from "./harness.mjs";

const out = path.join(repo, "docs/screenshots");
mkdirSync(out, { recursive: true });
const stack = await startStack();
if (!stack) {
  console.error("screenshots: no server (set PLOSOLVER_URL or build src/PloSolver.Server in Release)");
  process.exit(2);
}
await launch();

async function shot(page, name) {
  await page.waitForTimeout(400); // let the dimmed-while-updating transition settle
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
}

try {
  const page = await newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${stack.app}/register`);
  await shot(page, "register");
  await page.getByLabel("Email").fill(`screens-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByLabel("Display name (optional)").fill("Sam");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("link", { name: "Sam" }).waitFor();

  // A three-way flop with a range, hi-lo.
  await page.goto(`${stack.app}/?p=h:As2sKh3h&p=h:7c8c9d6d&p=r:AA**:ds&b=Ah4c8s&hl=1`);
  await page.locator("#player-2-msg", { hasText: "combos" }).waitFor();
  await page.locator(".results-body:not(.stale) table").first().waitFor();
  await shot(page, "equity-hilo-range");

  // The double-board spot, saved and shared.
  await page.goto(`${stack.app}/?p=h:AsKsQhJh&p=h:7c8c9d6d&b=Qs7h2d&b2=Tc5s5d`);
  await page.getByText("Exact · 442,890 deals").waitFor();
  await page.getByLabel("Board 2").focus();
  await shot(page, "equity-double-board");
  await page.getByRole("button", { name: "Save spot…" }).click();
  await page.getByLabel("Name").fill("Bomb pot: wrap vs top two");
  await page.getByLabel("Tags (comma separated)").fill("double-board, flop");
  await page.getByLabel("Notes").fill("Top two is ahead on both boards but the wrap scoops often enough.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByText("Saved “Bomb pot: wrap vs top two”").waitFor();

  await page.goto(`${stack.app}/?p=h:AsKsQhJh&p=r:RROO&b=Qs7h2d&hl=0`);
  await page.locator(".results-body:not(.stale) table").first().waitFor();
  await page.getByRole("button", { name: "Save spot…" }).click();
  await page.getByLabel("Name").fill("Top two vs two pair");
  await page.getByLabel("Tags (comma separated)").fill("flop, ranges");
  await page.getByLabel("Notes").fill("");
  await page.getByRole("button", { name: "Save as new" }).click(); // the tab still has the first spot open
  await page.getByText("Saved “Top two vs two pair”").waitFor();

  await page.getByRole("link", { name: "Spots", exact: true }).click();
  const spot = page.locator(".spot", { hasText: "Bomb pot" });
  await spot.getByRole("button", { name: "Share" }).click();
  const link = await spot.locator(".share-link a").getAttribute("href");
  await shot(page, "spots");

  // A job.
  await page.goto(`${stack.app}/?p=h:AsKsQhJh&p=r:AA**:ds&b=Qs7h2d`);
  await page.locator(".results-body:not(.stale) table").first().waitFor();
  await page.getByRole("button", { name: "Run as job" }).click();
  await page.locator(".job .status.succeeded").first().waitFor({ timeout: 60_000 });
  await page.locator(".job").first().getByRole("button", { name: "Open result" }).click();
  await shot(page, "jobs");

  // The Solver: the default river spot, its estimate, then the solution at the root.
  await page.goto(`${stack.app}/solver`);
  await page.getByRole("region", { name: "Tree estimate" }).getByText("Decision nodes").waitFor();
  await page.locator("#solver-oop-msg", { hasText: "combos" }).waitFor();
  await shot(page, "solver-setup");
  await page.getByRole("button", { name: "Solve" }).click();
  await page.getByRole("heading", { name: "OOP to act" }).waitFor({ timeout: 120_000 });
  await shot(page, "solver-solution");

  await page.getByRole("link", { name: "Sam" }).click();
  await page.getByText("this device").waitFor();
  await shot(page, "account");

  const visitor = await newPage({ viewport: { width: 1280, height: 860 } });
  await visitor.goto(link);
  await visitor.locator(".results-body table").first().waitFor();
  await shot(visitor, "shared-spot");

  const phone = await newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await phone.goto(`${stack.app}/?p=h:AsKsQhJh&p=h:7c8c9dXd&b=Qs7h2d`);
  await phone.locator("#player-1-msg mark").waitFor();
  await shot(phone, "equity-phone-error");
  await phone.getByLabel("Player 2 hand").fill("7c8c9d6d");
  await phone.locator(".results-body:not(.stale) table").first().waitFor();
  await shot(phone, "equity-phone");
} finally {
  await stopAll();
}
