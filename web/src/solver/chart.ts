// Scale maths for the exploitability chart: x linear in iterations, y logarithmic in % of the pot
// (exploitability falls by decades, so a linear axis would flatten everything after the first few points).

export interface Tick {
  value: number;
  label: string;
}

/** Shortest readable label for a % of the pot: 10%, 1%, 0.5%, 0.02%. */
export function pctLabel(value: number): string {
  const digits = value >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(value) + 1e-9));
  return `${Number(value.toFixed(digits))}%`;
}

/** A measured value to two significant digits (8.5%, 0.42%, 12%): enough to read a trend. */
export const pctValue = (value: number) => `${Number(value.toPrecision(2))}%`;

/**
 * A log axis covering [min, max] (both > 0): the domain widened to whole decades, ticks at each power of
 * ten, plus 2 and 5 within each decade when the axis spans at most two decades (else too few labels).
 */
export function logAxis(min: number, max: number): { domain: [number, number]; ticks: Tick[] } {
  const lo = Math.floor(Math.log10(min) + 1e-9);
  let hi = Math.ceil(Math.log10(max) - 1e-9);
  if (hi <= lo) hi = lo + 1;
  const ticks: Tick[] = [];
  const fine = hi - lo <= 2;
  for (let e = lo; e <= hi; e++) {
    for (const m of fine && e < hi ? [1, 2, 5] : [1]) {
      const value = Number((m * 10 ** e).toPrecision(6));
      ticks.push({ value, label: pctLabel(value) });
    }
  }
  return { domain: [10 ** lo, 10 ** hi], ticks };
}

/** A linear axis from 0 to a round number at or above max, with about `count` round ticks (1, 2, 5 × 10^k). */
export function linearAxis(max: number, count = 5): { domain: [number, number]; ticks: Tick[] } {
  if (!(max > 0)) return { domain: [0, 1], ticks: [{ value: 0, label: "0" }, { value: 1, label: "1" }] };
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: Tick[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push({ value: v, label: v.toLocaleString("en-US") });
  return { domain: [0, top], ticks };
}

/** Maps a value in a log domain to a pixel range (range may run downwards, as SVG y does). */
export function scaleLog(value: number, domain: [number, number], range: [number, number]): number {
  const [d0, d1] = domain.map(Math.log10) as [number, number];
  const v = Math.log10(Math.min(Math.max(value, domain[0]), domain[1]));
  return range[0] + ((v - d0) / (d1 - d0)) * (range[1] - range[0]);
}

export function scaleLinear(value: number, domain: [number, number], range: [number, number]): number {
  return range[0] + ((value - domain[0]) / (domain[1] - domain[0] || 1)) * (range[1] - range[0]);
}

export interface ChartPoint {
  iterations: number;
  exploitabilityPctPot: number;
}

export interface ChartLayout {
  x: { domain: [number, number]; ticks: Tick[] };
  y: { domain: [number, number]; ticks: Tick[] };
  /** SVG path data for the line, empty without points. */
  line: string;
  /** The last point, to mark it. */
  last: { x: number; y: number } | null;
}

/**
 * Lays the history out in a plot box (pixels). Exploitability 0 (an exact equilibrium) cannot sit on a log
 * axis: such points are drawn at the axis floor. The target, when given, widens the y domain so its line shows.
 */
export function layoutChart(points: readonly ChartPoint[], box: { left: number; right: number; top: number; bottom: number }, target?: number): ChartLayout {
  const positive = points.map((p) => p.exploitabilityPctPot).filter((v) => v > 0);
  if (target && target > 0) positive.push(target);
  const min = positive.length ? Math.min(...positive) : 0.1;
  const max = positive.length ? Math.max(...positive) : 10;
  const y = logAxis(min, max);
  const x = linearAxis(Math.max(1, ...points.map((p) => p.iterations)));
  const at = (p: ChartPoint) => ({
    x: scaleLinear(p.iterations, x.domain, [box.left, box.right]),
    y: scaleLog(p.exploitabilityPctPot > 0 ? p.exploitabilityPctPot : y.domain[0], y.domain, [box.bottom, box.top]),
  });
  const xy = points.map(at);
  const line = xy.map((p, i) => `${i ? "L" : "M"}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(" ");
  return { x, y, line, last: xy.at(-1) ?? null };
}
