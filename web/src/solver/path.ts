// Node paths and the Solver page's address. A path lists the steps from the root joined by `.`: a decision
// step is the index of the action taken, a chance step the card dealt (`0.1.Qs.0`); empty is the root.
import type { SolveAction, SolveLineStep } from "../api/types";

export const splitPath = (path: string): string[] => (path ? path.split(".").filter(Boolean) : []);
export const joinPath = (steps: readonly string[]): string => steps.join(".");
export const childPath = (path: string, step: string | number): string => joinPath([...splitPath(path), String(step)]);

/** The address of a job's page, at a node (`/solver?job=ID&node=0.1`); the root leaves `node` out. */
export function solverJobUrl(job: string, node = ""): string {
  const q = new URLSearchParams({ job });
  if (node) q.set("node", node);
  return `/solver?${q}`;
}

export interface Crumb {
  label: string;
  /** The path of the node this step leads to. */
  path: string;
}

/** "OOP" or "IP", as the page names the players. */
export const playerName = (player: string | null | undefined) => (player === "oop" ? "OOP" : player === "ip" ? "IP" : (player ?? ""));

/**
 * "Bet 75", "Check", "Raise to 150", "All-in 400": an action as a button or breadcrumb says it. The server's
 * labels carry their amount already (`bet 75`); a bare kind (`bet`) gets the amount added.
 */
export function actionLabel(action: string, amount?: number): string {
  const text = /\d/.test(action) || !amount ? action : `${action} ${formatChips(amount)}`;
  const named = text.replace(/^all-?in\b/i, "all-in");
  return named.charAt(0).toUpperCase() + named.slice(1);
}

export const formatChips = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * The breadcrumbs of a node: the root, then one per step of its line, each leading to the node after
 * that step. The server's `line` has one entry per path step, so a crumb's path is the path cut there.
 */
export function crumbs(path: string, line: readonly SolveLineStep[]): Crumb[] {
  const steps = splitPath(path);
  const out: Crumb[] = [{ label: "Start", path: "" }];
  line.forEach((step, i) => {
    const label = step.card ? step.card : `${playerName(step.player)} ${actionLabel(step.action ?? "").toLowerCase()}`.trim();
    out.push({ label, path: joinPath(steps.slice(0, i + 1)) });
  });
  return out;
}

/** Where an action leads: its child's path as the server gives it, else this path plus the action's index. */
export function actionTarget(path: string, action: SolveAction, index: number): { kind: "decision" | "chance" | "terminal"; path: string; cards: string[] } {
  const given = action.child?.kind;
  const kind = given === "chance" || given === "terminal" ? given : "decision";
  return { kind, path: action.child?.path ?? childPath(path, index), cards: action.child?.cards ?? [] };
}
