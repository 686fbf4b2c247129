import { describe, expect, it } from "vitest";
import {
  checkSetup, decodeSetup, DEFAULT_SETUP, encodeSetup, formatSizes, fromSpot, initialSetup, parseSizes, sanitizeSetup,
  saveSetupToSession, setupFieldErrors, streetsFor,
} from "./setup";

describe("parseSizes", () => {
  it("reads % of the pot, comma or space separated, into fractions of the pot", () => {
    expect(parseSizes("33, 75, 100")).toEqual({ ok: true, sizes: [0.33, 0.75, 1] });
    expect(parseSizes("33% 75%")).toEqual({ ok: true, sizes: [0.33, 0.75] });
    expect(parseSizes(" 50 ,, 66.7 ")).toEqual({ ok: true, sizes: [0.5, 0.667] });
    expect(parseSizes("")).toEqual({ ok: true, sizes: [] });
  });

  it("names the item it cannot use", () => {
    expect(parseSizes("33, abc")).toEqual({ ok: false, error: "'abc' is not a size: give % of the pot, e.g. 33, 75, 100" });
    expect(parseSizes("0")).toEqual({ ok: false, error: "0: a size must be more than 0% of the pot" });
    expect(parseSizes("75, 150")).toEqual({ ok: false, error: "150: pot limit allows at most 100% of the pot" });
    expect(parseSizes("75, 75%")).toEqual({ ok: false, error: "75% is listed twice" });
    expect(parseSizes("-50").ok).toBe(false);
  });

  it("formats fractions back as the user would type them", () => {
    expect(formatSizes([0.33, 0.75, 1])).toBe("33, 75, 100");
    expect(formatSizes([0.667])).toBe("66.7");
    expect(formatSizes([])).toBe("");
  });
});

describe("checkSetup", () => {
  it("builds the spot the server takes, with only the streets the board leaves to play", () => {
    const { spot, errors } = checkSetup(DEFAULT_SETUP);
    expect(errors).toEqual({});
    expect(spot).toEqual({
      game: "plo4", board: "Kh9s6d4c2h", pot: 100, effectiveStack: 400, oopRange: "53:ds,66,K9:ds", ipRange: "KK,99,AK:ds,AQ:ds",
      river: { bets: [0.33, 0.75], raises: [1], maxRaises: 1, allIn: true }, targetExploitabilityPctPot: 0.5, timeLimitSeconds: 60,
    });
    const turn = checkSetup({ ...DEFAULT_SETUP, board: "Kh9s6d4c" }).spot!;
    expect(Object.keys(turn).filter((k) => ["flop", "turn", "river"].includes(k))).toEqual(["turn", "river"]);
    expect(streetsFor("Kh9s6d")).toEqual(["flop", "turn", "river"]);
  });

  it("keys mistakes by the server's field names and waits quietly for empty fields", () => {
    const bad = checkSetup({ ...DEFAULT_SETUP, board: "Kh9s", pot: "0", stack: "lots", river: { ...DEFAULT_SETUP.river, bets: "33, 200", maxRaises: "1.5" } });
    expect(bad.spot).toBeNull();
    expect(bad.errors.board).toMatch(/give 3, 4 or 5 cards/);
    expect(bad.errors.pot).toBe("the pot must be more than 0");
    expect(bad.errors.effectiveStack).toBe("'lots' is not a number");
    expect(bad.errors["river.bets"]).toBe("200: pot limit allows at most 100% of the pot");
    expect(bad.errors["river.maxRaises"]).toBe("max raises is a whole number");
    expect(bad.errors["flop.bets"]).toBeUndefined();

    const empty = checkSetup({ ...DEFAULT_SETUP, oopRange: "  " });
    expect(empty).toEqual({ spot: null, errors: {} });
  });

  it("turns a spot back into the form", () => {
    const { spot } = checkSetup(DEFAULT_SETUP);
    const back = fromSpot(spot!);
    expect(back.river).toEqual(DEFAULT_SETUP.river);
    expect(checkSetup(back).spot).toEqual(spot);
  });
});

describe("the setup in the URL and the session", () => {
  it("round-trips through the query, text kept as typed", () => {
    const setup = { ...DEFAULT_SETUP, game: "plo5" as const, board: "as kd 2c", oopRange: "AA**:ds", river: { bets: "33,75 ", raises: "", maxRaises: "0", allIn: false } };
    const q = encodeSetup(setup);
    expect(q.get("b")).toBe("as kd 2c");
    expect(decodeSetup(new URLSearchParams(q.toString()))).toEqual(setup);
  });

  it("starts from the URL, else the session, else the defaults", () => {
    expect(decodeSetup(new URLSearchParams("job=abc"))).toBeNull();
    expect(initialSetup(new URLSearchParams())).toEqual(DEFAULT_SETUP);
    saveSetupToSession({ ...DEFAULT_SETUP, pot: "250" });
    expect(initialSetup(new URLSearchParams()).pot).toBe("250");
    expect(initialSetup(new URLSearchParams("b=Qs7h2d&oop=AA&ip=KK")).board).toBe("Qs7h2d");
    expect(sanitizeSetup({ board: 3 })).toBeNull();
    expect(sanitizeSetup({ board: "Qs7h2d", river: "bad" })!.river).toEqual(DEFAULT_SETUP.river);
  });

  it("puts a solve job's `input.` errors and the estimate's under the same field keys", () => {
    expect(setupFieldErrors({ "input.oopRange": ["position 3: bad"], "river.bets": ["too many"], input: ["the tree is too big"], spot: ["it took too long"] })).toEqual({
      oopRange: "position 3: bad",
      "river.bets": "too many",
      "": "the tree is too big; it took too long",
    });
  });
});
