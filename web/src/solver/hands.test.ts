import { describe, expect, it } from "vitest";
import { filterRows, parseHandFilter, sortRows, toRows } from "./hands";

const rows = toRows([
  { hand: "KsKd9c8h", weight: 1, frequencies: [0.2, 0.8], ev: 50, actionEvs: [], equity: 80 },
  { hand: "AsKh5s3s", weight: 0.5, frequencies: [0.9, 0.1], ev: 20, actionEvs: [], equity: 40 },
  { hand: "6c6s5d3d", weight: 1, frequencies: [0.5, 0.5], ev: 35, actionEvs: [], equity: 60 },
  { hand: "AhAdQcJs", weight: 0, frequencies: [1, 0], ev: 5, actionEvs: [], equity: 10 },
]);
const hands = (list: readonly { hand: string }[]) => list.map((r) => r.hand);
const filter = (text: string) => hands(filterRows(rows, parseHandFilter(text)));

describe("hand filter", () => {
  it("keeps hands holding a card, a pair of ranks, or both", () => {
    expect(filter("As")).toEqual(["AsKh5s3s"]);
    expect(filter("as")).toEqual(["AsKh5s3s"]);
    expect(filter("KK")).toEqual(["KsKd9c8h"]);
    expect(filter("AK")).toEqual(["AsKh5s3s"]);
    expect(filter("A")).toEqual(["AsKh5s3s", "AhAdQcJs"]);
    // The named card does not count again as one of the ranks: As plus another ace.
    expect(filter("AsA")).toEqual([]);
    expect(filter("Ah A")).toEqual(["AhAdQcJs"]);
  });

  it("reads commas as alternatives and an empty filter as everything", () => {
    expect(filter("KK, 66")).toEqual(["KsKd9c8h", "6c6s5d3d"]);
    expect(filter("")).toHaveLength(4);
    expect(filter(" , ")).toHaveLength(4);
  });

  it("says what it cannot read, and then filters nothing out", () => {
    const bad = parseHandFilter("Ax?");
    expect(bad).toEqual({ ok: false, error: "'x' is not a rank: filter with cards or ranks, e.g. As, KK, AsK" });
    expect(filterRows(rows, bad)).toHaveLength(4);
  });
});

describe("hand sort", () => {
  it("sorts by the hand, strongest cards first or last", () => {
    expect(hands(sortRows(rows, { key: "hand", descending: true }))).toEqual(["AsKh5s3s", "AhAdQcJs", "KsKd9c8h", "6c6s5d3d"]);
    expect(hands(sortRows(rows, { key: "hand", descending: false }))).toEqual(["6c6s5d3d", "KsKd9c8h", "AhAdQcJs", "AsKh5s3s"]);
  });

  it("sorts by an action's frequency, EV, equity or weight, ties in hand order", () => {
    expect(hands(sortRows(rows, { key: "action:1", descending: true }))).toEqual(["KsKd9c8h", "6c6s5d3d", "AsKh5s3s", "AhAdQcJs"]);
    expect(hands(sortRows(rows, { key: "ev", descending: false }))).toEqual(["AhAdQcJs", "AsKh5s3s", "6c6s5d3d", "KsKd9c8h"]);
    expect(hands(sortRows(rows, { key: "equity", descending: true }))[0]).toBe("KsKd9c8h");
    expect(hands(sortRows(rows, { key: "weight", descending: true }))).toEqual(["KsKd9c8h", "6c6s5d3d", "AsKh5s3s", "AhAdQcJs"]);
  });

  it("filters and sorts 10,000 rows", () => {
    const many = toRows(Array.from({ length: 10_000 }, (_, i) => ({ hand: i % 2 ? "AsKh5s3s" : "KsKd9c8h", weight: i, frequencies: [i % 7 / 7], ev: i % 13, actionEvs: [], equity: 50 })));
    expect(filterRows(many, parseHandFilter("KK"))).toHaveLength(5000);
    expect(sortRows(many, { key: "ev", descending: true })[0]!.ev).toBe(12);
  });
});
