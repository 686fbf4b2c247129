import { describe, expect, it } from "vitest";
import { layoutChart, linearAxis, logAxis, pctLabel, scaleLinear, scaleLog } from "./chart";

describe("chart scales", () => {
  it("widens a log axis to whole decades, with 1-2-5 ticks over two decades or less", () => {
    const axis = logAxis(0.3, 8.5);
    expect(axis.domain).toEqual([0.1, 10]);
    expect(axis.ticks.map((t) => t.label)).toEqual(["0.1%", "0.2%", "0.5%", "1%", "2%", "5%", "10%"]);
    const wide = logAxis(0.004, 40);
    expect(wide.domain[0]).toBeCloseTo(0.001);
    expect(wide.domain[1]).toBeCloseTo(100);
    expect(wide.ticks.map((t) => t.label)).toEqual(["0.001%", "0.01%", "0.1%", "1%", "10%", "100%"]);
    // A single value still gets a decade to sit in.
    expect(logAxis(1, 1).domain).toEqual([1, 10]);
  });

  it("maps log values evenly by decade, upwards in value and downwards in SVG y", () => {
    const domain: [number, number] = [0.1, 10];
    expect(scaleLog(0.1, domain, [200, 0])).toBeCloseTo(200);
    expect(scaleLog(1, domain, [200, 0])).toBeCloseTo(100);
    expect(scaleLog(10, domain, [200, 0])).toBeCloseTo(0);
    // Outside the domain is clamped to its edge (a 0 exploitability sits on the floor).
    expect(scaleLog(0.001, domain, [200, 0])).toBeCloseTo(200);
    expect(scaleLinear(50, [0, 200], [10, 410])).toBe(110);
  });

  it("rounds a linear axis up to a 1-2-5 step", () => {
    expect(linearAxis(70)).toEqual({ domain: [0, 80], ticks: [0, 20, 40, 60, 80].map((v) => ({ value: v, label: String(v) })) });
    expect(linearAxis(1000).ticks.at(-1)).toEqual({ value: 1000, label: "1,000" });
    expect(linearAxis(0).domain).toEqual([0, 1]);
  });

  it("labels percentages with the digits they need", () => {
    expect(pctLabel(10)).toBe("10%");
    expect(pctLabel(0.5)).toBe("0.5%");
    expect(pctLabel(0.02)).toBe("0.02%");
  });

  it("lays a history out in the plot box and includes the target in the y domain", () => {
    const box = { left: 0, right: 100, top: 0, bottom: 100 };
    const layout = layoutChart([
      { iterations: 10, exploitabilityPctPot: 10 },
      { iterations: 20, exploitabilityPctPot: 1 },
    ], box, 0.5);
    expect(layout.y.domain).toEqual([0.1, 10]);
    expect(layout.x.domain).toEqual([0, 20]);
    expect(layout.line).toBe("M50.0 0.0 L100.0 50.0");
    expect(layout.last).toEqual({ x: 100, y: 50 });
    expect(layoutChart([], box).line).toBe("");
  });
});
