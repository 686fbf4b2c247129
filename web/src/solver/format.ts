import type { SolveAction } from "../api/types";

/** 0.613 → "61%"; a frequency under half a percent that is not zero reads "<1%", never a misleading "0%". */
export function freq(f: number): string {
  if (f > 0 && f < 0.005) return "<1%";
  return `${Math.round(f * 100)}%`;
}

export const bytes = (n: number) =>
  n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : n >= 1024 ** 2 ? `${Math.round(n / 1024 ** 2).toLocaleString("en-US")} MB` : `${Math.max(1, Math.round(n / 1024))} kB`;

export function seconds(s: number): string {
  if (s < 1) return `${Math.max(1, Math.round(s * 1000))} ms`;
  if (s < 90) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  return `${Math.round(s / 60)} min`;
}

/**
 * An action's colour class: fold blue, check and call green, bets and raises in warmer shades the bigger
 * they are (by their order among the aggressive actions, which the server lists smallest first).
 */
export function actionClass(actions: readonly SolveAction[], index: number): string {
  const a = actions[index]!.action.toLowerCase();
  if (a === "fold") return "act-fold";
  if (a === "check" || a === "call") return "act-passive";
  const aggressive = actions.filter((x) => !["fold", "check", "call"].includes(x.action.toLowerCase()));
  const k = aggressive.indexOf(actions[index]!);
  return `act-aggr-${Math.min(3, Math.max(0, k))}`;
}
