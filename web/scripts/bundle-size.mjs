// Measures what a first visit to the calculator downloads: index.html, its stylesheet, its entry script and
// every module it preloads (the lazy pages are not among them), each gzipped. Fails above the budget.
// Usage: node scripts/bundle-size.mjs [--json]   (after `npm run build`)
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const BUDGET_KB = 150;
const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(web, "dist");
const html = readFileSync(path.join(dist, "index.html"), "utf8");

const files = ["index.html"];
for (const [, ref] of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) files.push(ref);

const rows = files.map((file) => {
  const bytes = readFileSync(path.join(dist, file));
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
const kb = (n) => (n / 1024).toFixed(1);

for (const r of rows) console.log(`${r.file.padEnd(40)} ${kb(r.bytes).padStart(7)} kB  ${kb(r.gzip).padStart(6)} kB gzipped`);
console.log(`calculator first load: ${kb(total)} kB gzipped (budget ${BUDGET_KB} kB)`);
mkdirSync(path.join(web, "test-results"), { recursive: true });
writeFileSync(path.join(web, "test-results/bundle-size.json"), JSON.stringify({ files: rows, totalGzipBytes: total, budgetKb: BUDGET_KB }, null, 2));
if (total > BUDGET_KB * 1024) {
  console.error(`bundle-size: the calculator's first load is ${kb(total)} kB gzipped, over the ${BUDGET_KB} kB budget`);
  process.exit(1);
}
