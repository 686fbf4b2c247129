// The calculator's state: what the user typed, kept exactly (text, not parsed cards), so nothing is ever
// lost or reformatted. It lives in the URL (reload, back button, copy the address) and in sessionStorage
// (coming back to the calculator from another page of the app).
import { cardText, parseCards, type Card } from "../cards/cards";
import type { EquityInput } from "../api/types";

export type Game = "plo4" | "plo5" | "plo6";
export type Mode = "auto" | "exact" | "montecarlo";
export const GAMES: readonly Game[] = ["plo4", "plo5", "plo6"];
export const HOLE_CARDS: Record<Game, number> = { plo4: 4, plo5: 5, plo6: 6 };
export const MIN_PLAYERS = 2;
export const MAX_PLAYERS = 9;

export interface PlayerState {
  kind: "hand" | "range";
  text: string;
}

export interface CalculatorState {
  game: Game;
  hiLo: boolean;
  players: PlayerState[];
  /** One board, or two for a double-board pot; an empty board is preflop. */
  boards: string[];
  dead: string;
  mode: Mode;
}

export const DEFAULT_STATE: CalculatorState = {
  game: "plo4",
  hiLo: false,
  players: [
    { kind: "hand", text: "" },
    { kind: "hand", text: "" },
  ],
  boards: [""],
  dead: "",
  mode: "auto",
};

/** Field keys as the server names them in ProblemDetails `errors`. */
export const playerField = (i: number, p: PlayerState) => `players[${i}].${p.kind}`;
export const boardField = (b: number) => `boards[${b}]`;

export function fieldLabel(field: string): string {
  const player = /^players\[(\d+)\]/.exec(field);
  if (player) return `player ${Number(player[1]) + 1}`;
  const board = /^boards\[(\d+)\]/.exec(field);
  if (board) return board[1] === "0" ? "board 1" : "board 2";
  return field;
}

// ---- URL ----

const isGame = (v: string | null): v is Game => v === "plo4" || v === "plo5" || v === "plo6";
const isMode = (v: string | null): v is Mode => v === "auto" || v === "exact" || v === "montecarlo";

/** Short, readable query: ?g=plo4&p=h:AsKsQhJh&p=r:AA**:ds&b=Qs7h2d&b2=&d=Kc&hl=1&m=exact */
export function encodeState(state: CalculatorState): URLSearchParams {
  const q = new URLSearchParams();
  if (state.game !== "plo4") q.set("g", state.game);
  if (state.hiLo) q.set("hl", "1");
  for (const p of state.players) q.append("p", (p.kind === "range" ? "r:" : "h:") + p.text);
  if (state.boards[0]) q.set("b", state.boards[0]);
  if (state.boards.length > 1) q.set("b2", state.boards[1] ?? "");
  if (state.dead) q.set("d", state.dead);
  if (state.mode !== "auto") q.set("m", state.mode);
  return q;
}

/** The state in a URL query, or null when the query holds none (a plain visit). */
export function decodeState(q: URLSearchParams): CalculatorState | null {
  const players = q.getAll("p");
  if (players.length === 0) return null;
  const g = q.get("g");
  const m = q.get("m");
  return {
    game: isGame(g) ? g : "plo4",
    hiLo: q.get("hl") === "1",
    players: players.slice(0, MAX_PLAYERS).map((p) =>
      p.startsWith("r:") ? { kind: "range", text: p.slice(2) } : { kind: "hand", text: p.startsWith("h:") ? p.slice(2) : p },
    ),
    boards: q.has("b2") ? [q.get("b") ?? "", q.get("b2") ?? ""] : [q.get("b") ?? ""],
    dead: q.get("d") ?? "",
    mode: isMode(m) ? m : "auto",
  };
}

// ---- sessionStorage ----

const SESSION_KEY = "plosolver.calculator";

export function saveToSession(state: CalculatorState): void {
  try {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(state));
  } catch {
    // Storage full or disabled (private mode): the URL still holds the state.
  }
}

export function loadFromSession(): CalculatorState | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? sanitize(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

/** Accepts only a well-formed state (old or hand-edited storage must not crash the page). */
export function sanitize(value: unknown): CalculatorState | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.players) || !Array.isArray(v.boards)) return null;
  const players = v.players
    .filter((p): p is PlayerState => typeof p === "object" && p !== null && typeof (p as PlayerState).text === "string")
    .map((p) => ({ kind: p.kind === "range" ? "range" : "hand", text: p.text }) as PlayerState)
    .slice(0, MAX_PLAYERS);
  if (players.length < MIN_PLAYERS) return null;
  const boards = v.boards.filter((b): b is string => typeof b === "string").slice(0, 2);
  return {
    game: isGame(v.game as string) ? (v.game as Game) : "plo4",
    hiLo: v.hiLo === true,
    players,
    boards: boards.length ? boards : [""],
    dead: typeof v.dead === "string" ? v.dead : "",
    mode: isMode(v.mode as string) ? (v.mode as Mode) : "auto",
  };
}

/** URL first (a shared or reloaded address wins), then this tab's last state, then the defaults. */
export function initialState(search: URLSearchParams): CalculatorState {
  return decodeState(search) ?? loadFromSession() ?? DEFAULT_STATE;
}

// ---- the request ----

export function toEquityInput(state: CalculatorState): EquityInput {
  const input: EquityInput = {
    game: state.game,
    players: state.players.map((p) => (p.kind === "range" ? { range: p.text.trim() } : { hand: p.text.trim() })),
  };
  if (state.hiLo) input.hiLo = true;
  if (state.boards.length > 1 || state.boards[0]?.trim()) input.boards = state.boards.map((b) => b.trim());
  if (state.dead.trim()) input.dead = state.dead.trim();
  if (state.mode !== "auto") input.mode = state.mode;
  return input;
}

export function fromEquityInput(input: EquityInput): CalculatorState | null {
  const players = (input.players ?? []).map((p): PlayerState =>
    p.range != null ? { kind: "range", text: p.range } : { kind: "hand", text: p.hand ?? "" },
  );
  return sanitize({
    game: input.game ?? "plo4",
    hiLo: input.hiLo ?? false,
    players,
    boards: input.boards?.length ? input.boards : [""],
    dead: input.dead ?? "",
    mode: input.mode ?? "auto",
  });
}

// ---- checks the browser can make at once ----

export type FieldErrors = Record<string, string>;

/**
 * Card errors found without the server: bad text, wrong hand or board sizes, a card in two places.
 * Keys are the server's field names so one display serves both.
 */
export function checkCards(state: CalculatorState): { errors: FieldErrors; used: Map<Card, string> } {
  const errors: FieldErrors = {};
  const used = new Map<Card, string>();
  const claim = (field: string, text: string, sizes: readonly number[] | null) => {
    const parsed = parseCards(text);
    if (!parsed.ok) {
      errors[field] = parsed.error.message;
      return;
    }
    for (const card of parsed.cards) {
      const owner = used.get(card);
      if (owner !== undefined) {
        errors[field] ??= `${cardText(card)} is also in ${fieldLabel(owner)}`;
      } else {
        used.set(card, field);
      }
    }
    if (sizes && parsed.cards.length > 0 && !sizes.includes(parsed.cards.length)) {
      errors[field] ??= sizeMessage(field, parsed.cards.length, sizes);
    }
  };
  const holeCards = HOLE_CARDS[state.game];
  state.players.forEach((p, i) => {
    if (p.kind === "hand") claim(playerField(i, p), p.text, [holeCards]);
  });
  state.boards.forEach((b, i) => claim(boardField(i), b, [0, 3, 4, 5]));
  claim("dead", state.dead, null);
  return { errors, used };
}

function sizeMessage(field: string, count: number, sizes: readonly number[]) {
  if (field.startsWith("boards")) return `a board has 3, 4 or 5 cards (or none for preflop); this one has ${count}`;
  return `a hand here has ${sizes[0]} cards; this one has ${count}`;
}

/** Whether every player has something to compute with (empty fields wait quietly, they are not errors). */
export function isComplete(state: CalculatorState): boolean {
  const holeCards = HOLE_CARDS[state.game];
  return state.players.every((p) => {
    if (p.kind === "range") return p.text.trim().length > 0;
    const parsed = parseCards(p.text);
    return parsed.ok && parsed.cards.length === holeCards;
  });
}
