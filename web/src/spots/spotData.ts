// A saved spot's `data`: the calculator's equity request plus notes ({kind:"equity", input, notes}), so the
// same JSON can be sent to POST /api/equity or a job as it is; or a solver spot ({kind:"solver", input,
// jobId?, notes}): the spot as POST /api/jobs takes it and the job holding its solution.
import type { EquitySpotData, SolveSpot, SolverSpotData } from "../api/types";
import { fromEquityInput, toEquityInput, type CalculatorState } from "../equity/state";

export function toSpotData(state: CalculatorState, notes: string): EquitySpotData {
  return { kind: "equity", input: toEquityInput(state), ...(notes.trim() ? { notes: notes.trim() } : {}) };
}

export function toSolverSpotData(input: SolveSpot, jobId: string | null, notes: string): SolverSpotData {
  return { kind: "solver", input, ...(jobId ? { jobId } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}) };
}

// Solver spots are read into the form by solver/setup.ts (fromSpot), which stays out of the calculator's first load.
export type ReadSpot =
  | { kind: "equity"; state: CalculatorState; notes: string }
  | { kind: "solver"; input: SolveSpot; jobId: string | null; notes: string };

export function readSpotData(data: unknown): ReadSpot | null {
  if (typeof data !== "object" || data === null) return null;
  const d = data as Partial<EquitySpotData> | Partial<SolverSpotData>;
  const notes = typeof d.notes === "string" ? d.notes : "";
  if (typeof d.input !== "object" || d.input === null) return null;
  if (d.kind === "equity") {
    const state = fromEquityInput(d.input);
    return state ? { kind: "equity", state, notes } : null;
  }
  if (d.kind === "solver") {
    const input = d.input as SolveSpot;
    if (typeof input.board !== "string") return null;
    const jobId = typeof (d as SolverSpotData).jobId === "string" ? (d as SolverSpotData).jobId! : null;
    return { kind: "solver", input, jobId, notes };
  }
  return null;
}

/** The spot a page was opened from (this tab), so saving can update it instead of copying it. */
export interface OpenSpot {
  id: string;
  name: string;
  tags: string[];
  notes: string;
  /** Which page it belongs to: an equity spot must not be overwritten from the Solver page, nor the reverse. */
  kind?: "equity" | "solver";
}

const OPEN_KEY = "plosolver.openSpot";

/** The open spot of this kind (entries saved before solver spots existed are equity spots). */
export function getOpenSpot(kind: "equity" | "solver" = "equity"): OpenSpot | null {
  try {
    const raw = sessionStorage.getItem(OPEN_KEY);
    const spot = raw ? (JSON.parse(raw) as OpenSpot) : null;
    return spot && (spot.kind ?? "equity") === kind ? spot : null;
  } catch {
    return null;
  }
}

export function setOpenSpot(spot: OpenSpot | null): void {
  try {
    if (spot) sessionStorage.setItem(OPEN_KEY, JSON.stringify(spot));
    else sessionStorage.removeItem(OPEN_KEY);
  } catch {
    // storage unavailable: saving then always makes a new spot
  }
}

/** "river, 3-way , bomb pot" → ["river", "3-way", "bomb-pot"] as the server stores tags (lower case). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(",").map((t) => t.trim().toLowerCase().replace(/\s+/g, "-")).filter(Boolean))];
}
