// The Solver page's setup: what the user typed, kept as text (like the calculator's state) so nothing is
// reformatted or lost, mirrored into the URL and sessionStorage. `checkSetup` turns it into the spot the
// server takes (docs/solver.md, "Spot files") or names the fields it cannot read yet.
import { parseCards } from "../cards/cards";
import type { SolveSpot, StreetSizes } from "../api/types";

export type SolverGame = "plo4" | "plo5";
export type Street = "flop" | "turn" | "river";
export const SOLVER_GAMES: readonly SolverGame[] = ["plo4", "plo5"];
export const STREETS: readonly Street[] = ["flop", "turn", "river"];

export interface StreetState {
  /** Bet sizes, % of the pot, comma separated ("33, 75"). */
  bets: string;
  /** Raise sizes, % of the pot after calling. */
  raises: string;
  maxRaises: string;
  allIn: boolean;
}

export interface SolverSetup {
  game: SolverGame;
  board: string;
  oopRange: string;
  ipRange: string;
  pot: string;
  stack: string;
  flop: StreetState;
  turn: StreetState;
  river: StreetState;
  /** Target exploitability, % of the pot. */
  target: string;
  /** Time limit, seconds. */
  timeLimit: string;
}

// A river spot that solves in seconds (about 60 iterations to 0.5% of the pot, 6,000–9,000 combos a side): the
// board and the kind of ranges of examples/spots/river-10k.json, narrower, with two bet sizes and one raise.
export const DEFAULT_SETUP: SolverSetup = {
  game: "plo4",
  board: "Kh9s6d4c2h",
  oopRange: "53:ds,66,K9:ds",
  ipRange: "KK,99,AK:ds,AQ:ds",
  pot: "100",
  stack: "400",
  flop: { bets: "50", raises: "100", maxRaises: "1", allIn: false },
  turn: { bets: "75", raises: "100", maxRaises: "1", allIn: false },
  river: { bets: "33, 75", raises: "100", maxRaises: "1", allIn: true },
  target: "0.5",
  timeLimit: "60",
};

/** The streets a board leaves to play: a flop spot bets on all three, a river spot only on the river. */
export function streetsFor(board: string): Street[] {
  const parsed = parseCards(board);
  const n = parsed.ok ? parsed.cards.length : 0;
  return n === 4 ? ["turn", "river"] : n === 5 ? ["river"] : ["flop", "turn", "river"];
}

// ---- sizes ----

export type SizeParse = { ok: true; sizes: number[] } | { ok: false; error: string };

/**
 * Reads a size list typed as % of the pot: `33, 75, 100` (commas or spaces between, a `%` after a number
 * allowed) → [0.33, 0.75, 1]. Empty means none. Sizes above 100% are refused: pot limit caps every bet and
 * raise at the pot, so the server would merge them into the pot-sized one anyway.
 */
export function parseSizes(text: string): SizeParse {
  const items = text.split(/[\s,;]+/).filter(Boolean);
  const sizes: number[] = [];
  for (const item of items) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)%?$/.exec(item);
    if (!m) return { ok: false, error: `'${item}' is not a size: give % of the pot, e.g. 33, 75, 100` };
    const pct = Number(m[1]);
    if (pct <= 0) return { ok: false, error: `${item}: a size must be more than 0% of the pot` };
    if (pct > 100) return { ok: false, error: `${item}: pot limit allows at most 100% of the pot` };
    const fraction = Math.round(pct * 100) / 10000;
    if (sizes.includes(fraction)) return { ok: false, error: `${trimPct(pct)}% is listed twice` };
    sizes.push(fraction);
  }
  return { ok: true, sizes };
}

const trimPct = (pct: number) => String(Math.round(pct * 100) / 100);

/** [0.33, 0.75, 1] → "33, 75, 100": the inverse of parseSizes, for a spot opened from the server. */
export function formatSizes(fractions: readonly number[]): string {
  return fractions.map((f) => trimPct(f * 100)).join(", ");
}

// ---- the spot ----

export type SetupErrors = Record<string, string>;

/** Field keys as the server names them (SPOT fields: `board`, `oopRange`, `river.bets`, ...). */
export const streetField = (street: Street, part: keyof StreetSizes) => `${street}.${part}`;

function readNumber(text: string, field: string, errors: SetupErrors, what: string, opts: { min: number; integer?: boolean; above?: boolean }) {
  const t = text.trim();
  if (!t) return undefined;
  const value = Number(t);
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t) || !Number.isFinite(value)) {
    errors[field] = `'${t}' is not a number`;
    return undefined;
  }
  if (opts.integer && !Number.isInteger(value)) errors[field] = `${what} is a whole number`;
  else if (opts.above ? value <= opts.min : value < opts.min) errors[field] = `${what} must be ${opts.above ? "more than" : "at least"} ${opts.min}`;
  return errors[field] ? undefined : value;
}

/**
 * Checks what the browser can check at once and builds the spot. `spot` is null while something is
 * missing or wrong; `errors` holds only real mistakes (an empty field waits quietly, as in the calculator).
 */
export function checkSetup(setup: SolverSetup): { spot: SolveSpot | null; errors: SetupErrors } {
  const errors: SetupErrors = {};
  let complete = true;

  const board = parseCards(setup.board);
  if (!board.ok) errors.board = board.error.message;
  else if (board.cards.length === 0) complete = false;
  else if (board.cards.length < 3 || board.cards.length > 5) {
    errors.board = `the solver starts on the flop, turn or river: give 3, 4 or 5 cards (this board has ${board.cards.length})`;
  }
  if (!setup.oopRange.trim() || !setup.ipRange.trim()) complete = false;

  const pot = readNumber(setup.pot, "pot", errors, "the pot", { min: 0, above: true });
  const stack = readNumber(setup.stack, "effectiveStack", errors, "the stack", { min: 0 });
  const target = readNumber(setup.target, "targetExploitabilityPctPot", errors, "the target", { min: 0, above: true });
  const time = readNumber(setup.timeLimit, "timeLimitSeconds", errors, "the time limit", { min: 1, integer: true });
  if (pot === undefined || stack === undefined) complete = false;

  const spot: SolveSpot = {
    game: setup.game,
    board: setup.board.trim(),
    pot: pot ?? 0,
    effectiveStack: stack ?? 0,
    oopRange: setup.oopRange.trim(),
    ipRange: setup.ipRange.trim(),
  };
  for (const street of streetsFor(setup.board)) {
    const s = setup[street];
    const bets = parseSizes(s.bets);
    const raises = parseSizes(s.raises);
    if (!bets.ok) errors[streetField(street, "bets")] = bets.error;
    if (!raises.ok) errors[streetField(street, "raises")] = raises.error;
    const maxRaises = readNumber(s.maxRaises || "0", streetField(street, "maxRaises"), errors, "max raises", { min: 0, integer: true });
    if (bets.ok && raises.ok && maxRaises !== undefined) {
      spot[street] = { bets: bets.sizes, raises: raises.sizes, maxRaises, allIn: s.allIn };
    }
  }
  if (target !== undefined) spot.targetExploitabilityPctPot = target;
  if (time !== undefined) spot.timeLimitSeconds = time;

  return { spot: complete && Object.keys(errors).length === 0 ? spot : null, errors };
}

/** A spot back into the form (a saved spot, a job's input). Streets the spot leaves out are checked through. */
export function fromSpot(spot: Partial<SolveSpot>): SolverSetup {
  const street = (s: StreetSizes | undefined, fallback: StreetState): StreetState =>
    s ? { bets: formatSizes(s.bets ?? []), raises: formatSizes(s.raises ?? []), maxRaises: String(s.maxRaises ?? 0), allIn: s.allIn === true } : fallback;
  const none: StreetState = { bets: "", raises: "", maxRaises: "0", allIn: false };
  return {
    game: spot.game === "plo5" ? "plo5" : "plo4",
    board: spot.board ?? "",
    oopRange: spot.oopRange ?? "",
    ipRange: spot.ipRange ?? "",
    pot: spot.pot != null ? String(spot.pot) : "",
    stack: spot.effectiveStack != null ? String(spot.effectiveStack) : "",
    flop: street(spot.flop, none),
    turn: street(spot.turn, none),
    river: street(spot.river, none),
    target: spot.targetExploitabilityPctPot != null ? String(spot.targetExploitabilityPctPot) : DEFAULT_SETUP.target,
    timeLimit: spot.timeLimitSeconds != null ? String(spot.timeLimitSeconds) : DEFAULT_SETUP.timeLimit,
  };
}

/** "PLO4 · river Kh9s6d4c2h · pot 100, stack 400" for lists (Spots, Jobs). */
export function setupSummary(setup: SolverSetup): string {
  const streets = streetsFor(setup.board);
  return `${setup.game.toUpperCase()} · ${streets[0]} ${setup.board.trim() || "(no board)"} · pot ${setup.pot || "?"}, stack ${setup.stack || "?"}`;
}

// ---- URL: ?g=plo4&b=Kh9s6d4c2h&oop=…&ip=…&pot=100&st=400&rb=33,75&rr=100&rm=1&ra=1&x=0.5&tl=60 ----

const STREET_KEYS: Record<Street, string> = { flop: "f", turn: "t", river: "r" };

export function encodeSetup(setup: SolverSetup): URLSearchParams {
  const q = new URLSearchParams();
  q.set("g", setup.game);
  q.set("b", setup.board);
  q.set("oop", setup.oopRange);
  q.set("ip", setup.ipRange);
  q.set("pot", setup.pot);
  q.set("st", setup.stack);
  for (const street of STREETS) {
    const k = STREET_KEYS[street];
    const s = setup[street];
    q.set(`${k}b`, s.bets);
    q.set(`${k}r`, s.raises);
    q.set(`${k}m`, s.maxRaises);
    if (s.allIn) q.set(`${k}a`, "1");
  }
  q.set("x", setup.target);
  q.set("tl", setup.timeLimit);
  return q;
}

/** The setup in a URL query, or null when it holds none (a plain visit, or a job's address). */
export function decodeSetup(q: URLSearchParams): SolverSetup | null {
  if (!q.has("b") && !q.has("oop") && !q.has("ip")) return null;
  const get = (key: string, fallback: string) => q.get(key) ?? fallback;
  const street = (street: Street): StreetState => {
    const k = STREET_KEYS[street];
    const d = DEFAULT_SETUP[street];
    return { bets: get(`${k}b`, d.bets), raises: get(`${k}r`, d.raises), maxRaises: get(`${k}m`, d.maxRaises), allIn: q.has(`${k}b`) ? q.get(`${k}a`) === "1" : d.allIn };
  };
  return {
    game: q.get("g") === "plo5" ? "plo5" : "plo4",
    board: get("b", ""),
    oopRange: get("oop", ""),
    ipRange: get("ip", ""),
    pot: get("pot", DEFAULT_SETUP.pot),
    stack: get("st", DEFAULT_SETUP.stack),
    flop: street("flop"),
    turn: street("turn"),
    river: street("river"),
    target: get("x", DEFAULT_SETUP.target),
    timeLimit: get("tl", DEFAULT_SETUP.timeLimit),
  };
}

// ---- sessionStorage ----

const SESSION_KEY = "plosolver.solver";

export function saveSetupToSession(setup: SolverSetup): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(setup));
  } catch {
    // Storage full or disabled: the URL still holds the setup.
  }
}

export function loadSetupFromSession(): SolverSetup | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? sanitizeSetup(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

/** Accepts only a well-formed setup (old or hand-edited storage must not crash the page). */
export function sanitizeSetup(value: unknown): SolverSetup | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const text = (x: unknown, fallback: string) => (typeof x === "string" ? x : fallback);
  const street = (x: unknown, d: StreetState): StreetState => {
    if (typeof x !== "object" || x === null) return d;
    const s = x as Record<string, unknown>;
    return { bets: text(s.bets, d.bets), raises: text(s.raises, d.raises), maxRaises: text(s.maxRaises, d.maxRaises), allIn: s.allIn === true };
  };
  if (typeof v.board !== "string") return null;
  return {
    game: v.game === "plo5" ? "plo5" : "plo4",
    board: v.board,
    oopRange: text(v.oopRange, ""),
    ipRange: text(v.ipRange, ""),
    pot: text(v.pot, DEFAULT_SETUP.pot),
    stack: text(v.stack, DEFAULT_SETUP.stack),
    flop: street(v.flop, DEFAULT_SETUP.flop),
    turn: street(v.turn, DEFAULT_SETUP.turn),
    river: street(v.river, DEFAULT_SETUP.river),
    target: text(v.target, DEFAULT_SETUP.target),
    timeLimit: text(v.timeLimit, DEFAULT_SETUP.timeLimit),
  };
}

/** URL first (a reloaded or shared address wins), then this tab's last setup, then the defaults. */
export function initialSetup(search: URLSearchParams): SolverSetup {
  return decodeSetup(search) ?? loadSetupFromSession() ?? DEFAULT_SETUP;
}

/**
 * Server field keys for a solve job carry an `input.` prefix; the estimate's do not. Errors about the spot as a
 * whole (a tree too big) come under `input` or `spot`: they go under "" here, for the message above Solve.
 */
export function setupFieldErrors(errors: Record<string, string[]> | undefined): SetupErrors {
  const out: SetupErrors = {};
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const field = key === "input" || key === "spot" ? "" : key.replace(/^input\./, "");
    out[field] = out[field] ? `${out[field]}; ${messages.join("; ")}` : messages.join("; ");
  }
  return out;
}
