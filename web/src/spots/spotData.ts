// A saved spot's `data`: the calculator's equity request plus notes ({kind:"equity", input, notes}), so the
// same JSON can be sent to POST /api/equity or a job as it is.
import type { EquitySpotData } from "../api/types";
import { fromEquityInput, toEquityInput, type CalculatorState } from "../equity/state";

export function toSpotData(state: CalculatorState, notes: string): EquitySpotData {
  return { kind: "equity", input: toEquityInput(state), ...(notes.trim() ? { notes: notes.trim() } : {}) };
}

export function readSpotData(data: unknown): { state: CalculatorState; notes: string } | null {
  if (typeof data !== "object" || data === null) return null;
  const d = data as Partial<EquitySpotData>;
  if (d.kind !== "equity" || typeof d.input !== "object" || d.input === null) return null;
  const state = fromEquityInput(d.input);
  return state ? { state, notes: typeof d.notes === "string" ? d.notes : "" } : null;
}

/** The spot the calculator was opened from (this tab), so saving can update it instead of copying it. */
export interface OpenSpot {
  id: string;
  name: string;
  tags: string[];
  notes: string;
}

const OPEN_KEY = "plosolver.openSpot";

export function getOpenSpot(): OpenSpot | null {
  try {
    const raw = sessionStorage.getItem(OPEN_KEY);
    return raw ? (JSON.parse(raw) as OpenSpot) : null;
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
