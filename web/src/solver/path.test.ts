import { describe, expect, it } from "vitest";
import { actionLabel, actionTarget, childPath, crumbs, solverJobUrl, splitPath } from "./path";

describe("node paths", () => {
  it("splits and extends paths; the root is empty", () => {
    expect(splitPath("")).toEqual([]);
    expect(splitPath("0.1.Qs.2")).toEqual(["0", "1", "Qs", "2"]);
    expect(childPath("", 1)).toBe("1");
    expect(childPath("0.0", "Qs")).toBe("0.0.Qs");
  });

  it("puts the job and node in the address, leaving the root's node out", () => {
    expect(solverJobUrl("7f3a")).toBe("/solver?job=7f3a");
    expect(solverJobUrl("7f3a", "0.1.Qs")).toBe("/solver?job=7f3a&node=0.1.Qs");
  });

  it("makes one breadcrumb per step of the line, each leading to the node after it", () => {
    // The server may send the other kind's fields as null.
    const list = crumbs("0.1.Qs", [{ player: "oop", action: "check", card: null }, { player: "ip", action: "bet 75", card: null }, { player: null, action: null, card: "Qs" }]);
    expect(list).toEqual([
      { label: "Start", path: "" },
      { label: "OOP check", path: "0" },
      { label: "IP bet 75", path: "0.1" },
      { label: "Qs", path: "0.1.Qs" },
    ]);
  });

  it("labels actions and finds where they lead", () => {
    expect(actionLabel("check")).toBe("Check");
    expect(actionLabel("allin", 400)).toBe("All-in 400");
    expect(actionLabel("bet", 33.3)).toBe("Bet 33.3");
    // The server's labels carry the amount already.
    expect(actionLabel("bet 75", 75)).toBe("Bet 75");
    expect(actionLabel("raise to 150", 150)).toBe("Raise to 150");
    expect(actionLabel("all-in 400", 400)).toBe("All-in 400");
    expect(actionTarget("0", { action: "call", amount: 75, frequency: 1, ev: 0, child: { kind: "chance", path: "0.1", cards: ["2c"] } }, 1))
      .toEqual({ kind: "chance", path: "0.1", cards: ["2c"] });
    expect(actionTarget("0", { action: "bet 75", amount: 75, frequency: 1, ev: 0, child: { kind: "decision", path: "0.2", cards: null } }, 2))
      .toEqual({ kind: "decision", path: "0.2", cards: [] });
  });
});
