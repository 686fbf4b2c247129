/** 55.746 → "55.75%": two decimals read well and exact results are exact to far more. */
export const pct = (value: number | null | undefined, digits = 2) => (value == null ? "–" : `${value.toFixed(digits)}%`);

export const count = (n: number) => n.toLocaleString("en-US");

export function duration(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
