// Browser tests against the real server: node --test tests/e2e/app.e2e.test.mjs (scripts/web-test.sh runs it).
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { launch, newPage, repo, startStack, stopAll } from "./harness.mjs";

// Expected numbers from the engine itself (exact enumeration):
//   dotnet run --project src/PloSolver.Cli -c Release -- equity AsKsQhJh 7c8c9d6d --board Qs7h2d --json
//     → 820 deals; 69.26829…% / 30.73170…%
//   … --board Qs7h2d --board2 Tc5s5d --json
//     → 442,890 deals; 65.64723…% / 34.35277…%; board 1 69.70128%, board 2 61.59317%; scoop 42.50040%
const FLOP = { deals: "820", p1: "69.27%", p2: "30.73%" };
const DOUBLE = { deals: "442,890", p1: "65.65%", p2: "34.35%", board1: "69.70%", board2: "61.59%", scoop: "42.50%" };

const figures = {};
// Started before the tests are declared, so a missing server marks them skipped (with the reason).
const stack = await startStack();
if (stack) await launch();

after(async () => {
  await stopAll();
  if (Object.keys(figures).length) {
    const dir = path.join(repo, "web/test-results");
    mkdirSync(dir, { recursive: true });
    // The machine's load matters for every timing here: record it with them.
    const machine = { cores: cpus().length, loadAverage1m: Number(loadavg()[0].toFixed(1)) };
    writeFileSync(path.join(dir, "e2e-figures.json"), JSON.stringify({ ...figures, servedBy: stack?.servedBy, machine }, null, 2));
    console.log("e2e figures:", JSON.stringify(figures));
  }
});

const skip = () => (stack ? false : "no server: set PLOSOLVER_URL or build src/PloSolver.Server (Release)");

/** A player's row in the main results table (equity, win, tie, scoop) or the split one (boards, hi, lo). */
function resultRow(page, player, table = "main") {
  return page.locator(table === "main" ? "table.results:not(.split)" : "table.results.split").getByRole("row", { name: new RegExp(`^${player}\\b`) });
}

async function rowCells(page, player, table = "main") {
  return resultRow(page, player, table).getByRole("cell").allTextContents();
}

async function waitForCell(page, player, text) {
  await resultRow(page, player).getByRole("cell", { name: text, exact: true }).first().waitFor();
}

/**
 * Empties a field, waits for the result without it, then types `text` key by key (40 ms apart, a quick
 * typist) and measures inside the page the time from the last keystroke to the results table showing
 * `expected` for player 1 as a current (not dimmed) result. Both ends are read from performance.now().
 */
async function typeAndTime(page, locator, text, expected) {
  await locator.fill("");
  await page.locator(".results-body:not(.stale)").waitFor();
  await page.evaluate((expected) => {
    window.__resultShown = new Promise((resolve) => {
      const seen = () =>
        !document.querySelector(".results-body.stale") &&
        [...document.querySelectorAll("table.results:not(.split) tbody tr:first-child td")].some((td) => td.textContent === expected);
      const observer = new MutationObserver(() => {
        if (seen()) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    document.addEventListener("keydown", () => (window.__lastKey = performance.now()), { capture: true });
  }, expected);
  await locator.pressSequentially(text, { delay: 40 });
  return page.evaluate(async () => (await window.__resultShown) - window.__lastKey);
}

describe("PLOSolver in Chromium", { concurrency: false }, () => {
  test("the calculator paints fast on a first visit", { skip: skip() }, async () => {
    // Three loads, each in a fresh context (empty cache, no cookies), as a first visit; the median counts.
    // Speed targets are figures, not pass/fail lines on a shared two-core machine: the assertions below
    // only catch regressions (2.5 × the target); docs/benchmarks.md records the figures against the targets.
    const samples = [];
    const interactive = [];
    for (let i = 0; i < 3; i++) {
      const page = await newPage();
      // When the first input of the calculator exists: React has rendered the page.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.getElementById("player-0")) {
            window.__interactiveAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { subtree: true, childList: true });
      });
      await page.goto(`${stack.app}/`, { waitUntil: "load" });
      await page.getByLabel("Player 1 hand").waitFor();
      const fcp = await page.evaluate(
        () => new Promise((resolve) => new PerformanceObserver((list) => {
          const entry = list.getEntriesByName("first-contentful-paint")[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: "paint", buffered: true })),
      );
      samples.push(Math.round(fcp));
      interactive.push(Math.round(await page.evaluate(() => window.__interactiveAt)));
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
    samples.sort((a, b) => a - b);
    interactive.sort((a, b) => a - b);
    figures.firstContentfulPaintMs = { median: samples[1], samples, target: 400 };
    figures.calculatorRenderedMs = { median: interactive[1], samples: interactive };
    assert.ok(samples[1] <= 1000, `first contentful paint ${samples[1]} ms (median of ${samples}): a regression`);
  });

  test("a new user registers, computes, saves a double-board spot, reopens and shares it, signs out", { skip: skip() }, async () => {
    const page = await newPage();
    await page.goto(`${stack.app}/`);

    // Register.
    await page.getByRole("link", { name: "Register" }).click();
    const email = `e2e-${Date.now()}@example.com`;
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByLabel("Display name (optional)").fill("E2E Player");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("link", { name: "E2E Player" }).waitFor();
    await page.getByRole("heading", { name: "Equity calculator" }).waitFor();

    // Heads-up flop: the numbers the CLI computes.
    await page.getByLabel("Player 1 hand").fill("AsKsQhJh");
    await page.getByLabel("Player 2 hand").fill("7c8c9d6d");
    const board = page.getByLabel("Board", { exact: true });
    const latencies = [];
    for (let i = 0; i < 3; i++) latencies.push(Math.round(await typeAndTime(page, board, "Qs7h2d", FLOP.p1)));
    figures.flopResultAfterLastKeyMs = latencies;
    await page.getByText(`Exact · ${FLOP.deals} deals`).waitFor();
    assert.deepEqual((await rowCells(page, "Player 1")).slice(0, 3), [FLOP.p1, FLOP.p1, "0.00%"]);
    assert.deepEqual((await rowCells(page, "Player 2")).slice(0, 3), [FLOP.p2, FLOP.p2, "0.00%"]);
    // Target 150 ms (recorded in docs/benchmarks.md); this line only catches regressions.
    assert.ok([...latencies].sort((a, b) => a - b)[1] <= 375, `flop result ${latencies} ms after the last keystroke: a regression`);

    // Double board.
    await page.getByLabel("Double board").check();
    await page.getByLabel("Board 2").fill("Tc5s5d");
    await page.getByText(`Exact · ${DOUBLE.deals} deals`).waitFor();
    await waitForCell(page, "Player 1", DOUBLE.p1);
    assert.deepEqual(await rowCells(page, "Player 1"), [DOUBLE.p1, DOUBLE.scoop, "46.29%", DOUBLE.scoop]);
    assert.deepEqual(await rowCells(page, "Player 1", "split"), [DOUBLE.board1, DOUBLE.board2]);
    assert.equal((await rowCells(page, "Player 2"))[0], DOUBLE.p2);

    // Save it.
    await page.getByRole("button", { name: "Save spot…" }).click();
    await page.getByLabel("Name").fill("E2E double board");
    await page.getByLabel("Tags (comma separated)").fill("e2e, double board");
    await page.getByLabel("Notes").fill("Wraps versus top two.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved “E2E double board”").waitFor();

    // Reload: still signed in (silent refresh from the cookie), the calculator exactly as it was.
    await page.reload();
    await page.getByRole("link", { name: "E2E Player" }).waitFor();
    assert.equal(await page.getByLabel("Board 2").inputValue(), "Tc5s5d");
    await waitForCell(page, "Player 1", DOUBLE.p1);

    // Clear the calculator, then reopen the spot from the Spots page.
    await page.getByRole("button", { name: "Clear" }).click();
    await page.getByRole("link", { name: "Spots", exact: true }).click();
    const item = page.locator(".spot", { hasText: "E2E double board" });
    await item.waitFor();
    assert.match(await item.textContent(), /double-board/);
    await item.getByRole("button", { name: "Open" }).click();
    await page.getByRole("heading", { name: "Equity calculator" }).waitFor();
    assert.equal(await page.getByLabel("Player 1 hand").inputValue(), "AsKsQhJh");
    assert.equal(await page.getByLabel("Player 2 hand").inputValue(), "7c8c9d6d");
    assert.equal(await page.getByLabel("Board 1").inputValue(), "Qs7h2d");
    assert.equal(await page.getByLabel("Board 2").inputValue(), "Tc5s5d");
    await waitForCell(page, "Player 1", DOUBLE.p1);

    // Share it.
    await page.getByRole("link", { name: "Spots", exact: true }).click();
    await item.getByRole("button", { name: "Share" }).click();
    const link = await item.locator(".share-link a").getAttribute("href");
    assert.match(link, /\/shared\/[A-Za-z0-9_-]{22}$/);

    // Sign out.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    await page.reload();
    await page.getByRole("link", { name: "Sign in" }).waitFor();

    // The link, signed out, in a fresh browser context: read-only, with the same numbers.
    const visitor = await newPage();
    await visitor.goto(link);
    await visitor.getByRole("heading", { name: "E2E double board" }).waitFor();
    await visitor.getByText("Wraps versus top two.").waitFor();
    assert.equal(await visitor.locator("input").count(), 0, "the shared view has no inputs");
    await waitForCell(visitor, "Player 1", DOUBLE.p1);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(visitor.errors, []);
    await visitor.context().close();
    await page.context().close();
  });

  test("a bad card is shown inline at its position, and a bad range too", { skip: skip() }, async () => {
    const page = await newPage();
    await page.goto(`${stack.app}/`);
    await page.getByLabel("Player 1 hand").fill("AsKsQhJh");
    await page.getByLabel("Player 2 hand").fill("7c8c9dXd");
    const field = page.locator("#player-1"); // labelled "Player 2 hand", then "Player 2 range"
    assert.equal(await field.getAttribute("aria-invalid"), "true");
    await page.locator("#player-1-msg", { hasText: "'X' at position 7 is not a rank" }).waitFor();
    assert.equal(await page.locator("#player-1-msg mark").textContent(), "X");

    // A range is checked by the server as it is typed: the position comes back and is marked.
    await page.getByRole("radiogroup", { name: "Player 2: hand or range" }).getByRole("radio", { name: "Range" }).check();
    await field.fill("(AA");
    await page.locator("#player-1-msg", { hasText: "position 4: expected ')'" }).waitFor();
    await field.fill("AA**:ds");
    await page.locator("#player-1-msg", { hasText: "combos" }).waitFor();
    await page.context().close();
  });

  test("a long calculation shows that it is running and can be cancelled", { skip: skip() }, async () => {
    const page = await newPage();
    // Four PLO6 ranges preflop: seconds of work for the server.
    await page.goto(`${stack.app}/?g=plo6&p=r:AA&p=r:KK&p=r:QQ&p=r:*`);
    const running = page.getByRole("status").filter({ hasText: "Calculating…" });
    await running.waitFor({ timeout: 10_000 });
    const aborted = page.waitForEvent("requestfailed", (r) => r.url().endsWith("/api/equity"));
    await running.getByRole("button", { name: "Cancel" }).click();
    await aborted; // the request itself is aborted, so the server stops computing
    await page.getByText("Calculation cancelled.").waitFor();
    await running.waitFor({ state: "detached" });
    assert.equal(await page.locator("#player-3").inputValue(), "*");
    await page.context().close();
  });

  test("on a 360 px phone: cards picked by touch, results without sideways scrolling", { skip: skip() }, async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await page.goto(`${stack.app}/`);
    await page.getByLabel("Player 1 hand").focus();
    for (const name of ["ace of spades", "king of spades", "queen of hearts", "jack of hearts"]) {
      await page.getByRole("button", { name, exact: true }).tap();
    }
    assert.equal(await page.getByLabel("Player 1 hand").inputValue(), "AsKsQhJh");
    // The ace of spades is now in use: greyed for the next field.
    await page.getByLabel("Player 2 hand").focus();
    assert.equal(await page.getByRole("button", { name: "ace of spades (in use)" }).getAttribute("aria-disabled"), "true");
    await page.getByLabel("Player 2 hand").fill("7c8c9d6d");
    await page.getByLabel("Board", { exact: true }).fill("Qs7h2d");
    await waitForCell(page, "Player 1", FLOP.p1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone`);
    await page.context().close();
  });

  test("spots can be searched, renamed and deleted", { skip: skip() }, async () => {
    const page = await newPage();
    await page.goto(`${stack.app}/register`);
    await page.getByLabel("Email").fill(`e2e-spots-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Equity calculator" }).waitFor();
    await page.goto(`${stack.app}/?p=h:AsKsQhJh&p=h:7c8c9d6d&b=Qs7h2d`);
    await page.getByRole("button", { name: "Save spot…" }).click();
    await page.getByLabel("Name").fill("Flop one");
    await page.getByLabel("Tags (comma separated)").fill("alpha");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved “Flop one”").waitFor();
    await page.getByLabel("Name").fill("Flop two");
    await page.getByLabel("Tags (comma separated)").fill("beta");
    await page.getByRole("button", { name: "Save as new" }).click();
    await page.getByText("Saved “Flop two”").waitFor();

    await page.getByRole("link", { name: "Spots", exact: true }).click();
    const names = () => page.locator(".spot-list:not(.stale) .spot-name").allTextContents();
    await page.locator(".spot-name", { hasText: "Flop one" }).waitFor();
    assert.deepEqual(await names(), ["Flop two", "Flop one"]);
    await page.getByLabel("Search spots").fill("two");
    await page.waitForFunction(() => document.querySelectorAll(".spot-list:not(.stale) .spot").length === 1);
    assert.deepEqual(await names(), ["Flop two"]);
    await page.getByLabel("Search spots").fill("tag:alpha");
    await page.locator(".spot-name", { hasText: "Flop one" }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll(".spot-list:not(.stale) .spot").length === 1);
    await page.getByLabel("Search spots").fill("");
    await page.waitForFunction(() => document.querySelectorAll(".spot-list:not(.stale) .spot").length === 2);

    const one = page.locator(".spot").nth(1); // by position: while renaming, the name is in an input
    assert.equal(await one.locator(".spot-name").textContent(), "Flop one");
    await one.getByRole("button", { name: "Rename" }).click();
    await one.getByLabel("New name").fill("Flop renamed");
    await one.getByRole("button", { name: "Save" }).click();
    await page.locator(".spot-name", { hasText: "Flop renamed" }).waitFor();

    const two = page.locator(".spot", { hasText: "Flop two" });
    await two.getByRole("button", { name: "Delete…" }).click();
    await two.getByRole("button", { name: "Delete", exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll(".spot").length === 1);
    assert.deepEqual(await names(), ["Flop renamed"]);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the solver: set up a river spot, solve it, browse the strategy, filter hands, save the spot", { skip: skip() }, async () => {
    const page = await newPage();
    await page.goto(`${stack.app}/register`);
    await page.getByLabel("Email").fill(`e2e-solver-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Equity calculator" }).waitFor();

    // A tiny river spot: one bet size, no raises.
    await page.getByRole("link", { name: "Solver", exact: true }).click();
    await page.getByRole("heading", { name: "Solver" }).waitFor();
    await page.getByLabel("Board", { exact: true }).fill("Kh9s6d4c2h");
    await page.getByLabel("OOP range").fill("53:ds,K9:ds");
    await page.getByLabel("IP range").fill("KK,AQ:ds");
    await page.getByLabel("River bets (% of pot)").fill("75");
    await page.getByLabel("River raises (% of pot)").fill("");
    await page.getByLabel("River max raises").fill("0");
    await page.getByLabel("River all-in").uncheck();
    await page.locator("#solver-oop-msg", { hasText: "combos on this board" }).waitFor();
    // A size list the browser refuses is named under its field.
    await page.getByLabel("River bets (% of pot)").fill("75, 150");
    await page.locator("#solver-river-bets-msg", { hasText: "150: pot limit allows at most 100% of the pot" }).waitFor();
    await page.getByLabel("River bets (% of pot)").fill("75");
    const estimate = page.getByRole("region", { name: "Tree estimate" });
    await estimate.getByText("Decision nodes").waitFor();
    await estimate.locator(":not(.stale) > .estimate-facts").waitFor();
    // Reload keeps the setup (it lives in the URL).
    await page.reload();
    assert.equal(await page.getByLabel("IP range").inputValue(), "KK,AQ:ds");

    const started = Date.now();
    await page.getByRole("button", { name: "Solve" }).click();
    await page.waitForURL(/\/solver\?job=/);
    await page.getByRole("heading", { name: "Solved" }).waitFor({ timeout: 120_000 });
    figures.solverRiverSolvedMs = Date.now() - started;
    const chart = page.getByRole("img", { name: /^Exploitability from .* over [\d,]+ iterations$/ });
    await chart.waitFor();
    assert.ok((await chart.locator("path.series").getAttribute("d")).startsWith("M"), "the chart draws the exploitability line");

    // The root: OOP to act, a check and a bet with frequencies that sum to 100%.
    await page.getByRole("heading", { name: "OOP to act" }).waitFor();
    const actions = page.locator(".action-list .action-freq");
    const freqs = (await actions.allTextContents()).map((t) => (t === "<1%" ? 0.5 : Number(t.replace("%", ""))));
    assert.ok(freqs.length >= 2, `root actions: ${freqs}`);
    assert.ok(Math.abs(freqs.reduce((a, b) => a + b, 0) - 100) <= freqs.length, `root frequencies ${freqs} sum to about 100%`);
    await page.getByRole("table").first().waitFor();

    // Into the check: IP to act, the line as breadcrumbs; back returns to the root.
    await page.getByRole("link", { name: /^Check: .* Go to the next decision$/ }).click();
    await page.getByRole("heading", { name: "IP to act" }).waitFor();
    assert.match(page.url(), /[?&]node=0(&|$)/);
    await page.getByRole("navigation", { name: "Line" }).getByText("OOP check").waitFor();

    // Filter IP's hands: only hands with two kings remain.
    const hands = page.getByRole("region", { name: "Hands" });
    const total = Number((await hands.locator("#hand-filter-msg").textContent()).match(/of ([\d,]+) hands/)[1].replace(/,/g, ""));
    await hands.getByLabel("Filter hands").fill("KK");
    await page.waitForFunction(() => !/^([\d,]+) of \1 hands$/.test(document.querySelector("#hand-filter-msg")?.textContent ?? ""));
    const shown = Number((await hands.locator("#hand-filter-msg").textContent()).match(/^([\d,]+) of/)[1].replace(/,/g, ""));
    assert.ok(shown > 0 && shown < total, `KK filter: ${shown} of ${total}`);
    const rowHands = await hands.locator("tbody th .visually-hidden").allTextContents();
    assert.ok(rowHands.length > 0 && rowHands.every((h) => (h.match(/K/g) ?? []).length >= 2), `filtered hands: ${rowHands.slice(0, 5)}`);

    await page.goBack();
    await page.getByRole("heading", { name: "OOP to act" }).waitFor();

    // Save it, then open it again from the Spots page: back to the solution.
    await page.getByRole("button", { name: "Save spot…" }).click();
    await page.getByLabel("Name").fill("E2E river solve");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved “E2E river solve”").waitFor();
    await page.getByRole("link", { name: "Spots", exact: true }).click();
    const item = page.locator(".spot", { hasText: "E2E river solve" });
    await item.getByText(/Solver · PLO4 · river Kh9s6d4c2h/).waitFor();
    await item.getByRole("button", { name: "Open" }).click();
    await page.getByRole("heading", { name: "Solved" }).waitFor();
    await page.getByRole("heading", { name: "OOP to act" }).waitFor();

    // The Jobs page links the solve to its result here.
    await page.getByRole("link", { name: "Jobs", exact: true }).click();
    await page.locator(".job", { hasText: "Solve" }).getByRole("link", { name: "Open result" }).click();
    await page.getByRole("heading", { name: "Solved" }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the solver on a 360 px phone: setup and solution without sideways scrolling", { skip: skip() }, async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.goto(`${stack.app}/solver`);
    await page.getByRole("heading", { name: "Solver" }).waitFor();
    await page.getByRole("region", { name: "Tree estimate" }).getByText("Decision nodes").waitFor();
    // Signed out: the setup stays, with the way to sign in.
    await page.getByRole("link", { name: "Sign in to solve" }).waitFor();
    assert.ok((await overflow()) <= 0, `the Solver's setup is ${await overflow()} px wider than the phone`);

    await page.goto(`${stack.app}/register`);
    await page.getByLabel("Email").fill(`e2e-solver-phone-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Equity calculator" }).waitFor();
    await page.goto(`${stack.app}/solver`);
    await page.getByRole("button", { name: "Solve" }).tap();
    await page.getByRole("heading", { name: "OOP to act" }).waitFor({ timeout: 120_000 });
    await page.getByRole("region", { name: "Hands" }).locator("tbody tr").first().waitFor();
    assert.ok((await overflow()) <= 0, `the solution is ${await overflow()} px wider than the phone`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("jobs: a result to open, live progress and cancel; sign out everywhere", { skip: skip() }, async () => {
    const page = await newPage();
    await page.goto(`${stack.app}/register`);
    await page.getByLabel("Email").fill(`e2e-jobs-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Equity calculator" }).waitFor();
    await page.getByLabel("Player 1 hand").fill("AsKsQhJh");
    await page.getByLabel("Player 2 hand").fill("7c8c9d6d");
    await page.getByLabel("Board", { exact: true }).fill("Qs7h2d");
    await waitForCell(page, "Player 1", FLOP.p1);
    await page.getByRole("button", { name: "Run as job" }).click();
    await page.getByRole("heading", { name: "Jobs" }).waitFor();
    const job = page.locator(".job").first();
    await job.locator(".status.succeeded").waitFor({ timeout: 30_000 });
    await job.getByRole("button", { name: "Open result" }).click();
    await waitForCell(page, "Player 1", FLOP.p1);

    // A long job (four PLO5 ranges, a million Monte Carlo trials: tens of seconds here): live progress over
    // Server-Sent Events, then cancelled.
    await page.goto(`${stack.app}/?g=plo5&p=r:AA&p=r:KK&p=r:QQ&p=r:*`);
    await page.getByRole("button", { name: "Run as job" }).click();
    await page.getByRole("heading", { name: "Jobs" }).waitFor();
    const long = page.locator(".job").first();
    await long.locator(".status.running").waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => Number(document.querySelector(".job progress")?.getAttribute("value")) > 0, null, { timeout: 60_000 });
    figures.jobProgressSeen = Number(await long.locator("progress").getAttribute("value"));
    await long.getByRole("button", { name: "Cancel" }).click();
    await long.locator(".status.cancelled").waitFor({ timeout: 30_000 });

    // The account page lists this session, and "sign out everywhere" ends it.
    await page.getByRole("link", { name: /e2e-jobs-/ }).click();
    await page.getByText("this device").waitFor();
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    await page.context().close();
  });
});
