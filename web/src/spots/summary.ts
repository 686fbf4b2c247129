import type { CalculatorState } from "../equity/state";

/** "PLO4 hi-lo · 3 players · board Qs7h2d / Tc5s5d · dead Kc" */
export function spotSummary(state: CalculatorState): string {
  const parts = [state.game.toUpperCase() + (state.hiLo ? " hi-lo" : ""), `${state.players.length} players`];
  const boards = state.boards.map((b) => b.trim() || "preflop");
  parts.push(state.boards.length > 1 ? `boards ${boards.join(" / ")}` : boards[0] === "preflop" ? "preflop" : `board ${boards[0]}`);
  if (state.dead.trim()) parts.push(`dead ${state.dead.trim()}`);
  return parts.join(" · ");
}
