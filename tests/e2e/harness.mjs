// Starts what the browser tests need and hands out browser pages.
//
// The server: PLOSOLVER_URL (already running), else the built server of this repository
// (src/PloSolver.Server/bin/Release/net10.0/PloSolver.Server.dll, or PLOSOLVER_SERVER_DLL) started on a free
// port with a fresh SQLite data directory. Without either the suite has nothing real to test against and
// says so (it never fakes the server).
//
// The app: the server itself when it serves web/dist at `/`; otherwise `vite preview` serving web/dist and
// proxying /api to that server (one origin either way, so the refresh cookie works as in production).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const web = path.join(repo, "web");
const require = createRequire(path.join(web, "package.json"));
const { chromium } = require("playwright-core");

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

const children = [];
const cleanups = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitFor(url, ms, accept = (r) => r.ok) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (accept(r)) return r;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms (${last})`);
}

function start(command, args, env, name, cwd = repo) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const log = [];
  const keep = (d) => {
    log.push(d.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.on("exit", (code) => {
    if (code && !child.stopping) process.stderr.write(`${name} exited with ${code}:\n${log.join("")}\n`);
  });
  children.push(child);
  return child;
}

export function serverDll() {
  const candidates = [process.env.PLOSOLVER_SERVER_DLL, path.join(repo, "src/PloSolver.Server/bin/Release/net10.0/PloSolver.Server.dll")];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

/** Returns { api, app } base URLs (http://localhost:PORT), or null when no server is available. */
export async function startStack() {
  let api = process.env.PLOSOLVER_URL?.replace(/\/$/, "") ?? null;
  if (!api) {
    const dll = serverDll();
    if (!dll) return null;
    const port = await freePort();
    const data = mkdtempSync(path.join(tmpdir(), "plosolver-e2e-"));
    cleanups.push(() => rmSync(data, { recursive: true, force: true }));
    // Jobs store their progress at each heartbeat: beat often, so the tests see progress within seconds.
    start("dotnet", [dll], { PORT: String(port), DATA_DIR: data, ASPNETCORE_ENVIRONMENT: "Development", LOG_LEVEL: "Warning", JOB_POLL_MS: "200", JOB_HEARTBEAT_MS: "500" }, "server");
    api = `http://localhost:${port}`;
    await waitFor(`${api}/health`, 60_000);
  }
  // Does the server serve the app itself?
  const home = await fetch(`${api}/`).then((r) => (r.ok ? r.text() : ""), () => "");
  if (home.includes('<div id="root">')) return { api, app: api, servedBy: "server" };

  if (!existsSync(path.join(web, "dist/index.html"))) throw new Error("web/dist is missing: run `npm run build` in web/ first");
  const port = await freePort();
  start(process.execPath, [path.join(web, "node_modules/vite/bin/vite.js"), "preview", "--port", String(port), "--strictPort", "--host", "localhost"],
    { PLOSOLVER_API: api }, "vite preview", web);
  const app = `http://localhost:${port}`;
  await waitFor(`${app}/`, 30_000);
  return { api, app, servedBy: "vite preview (proxying /api)" };
}

let browser;

export async function launch() {
  // Playwright launches Chromium with a fresh temporary user-data dir of its own (and refuses a
  // --user-data-dir argument); each test then gets its own isolated context.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return browser;
}

/** A new, isolated browser context (own cookies and storage) and a page in it. */
export async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  // A Content-Security-Policy violation is only a console message: count it as an error too.
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) page.errors.push(m.text());
  });
  return page;
}

export async function stopAll() {
  await browser?.close().catch(() => {});
  for (const child of children) {
    child.stopping = true;
    child.kill("SIGTERM");
  }
  await new Promise((r) => setTimeout(r, 300));
  for (const c of cleanups) c();
}
