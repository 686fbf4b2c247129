import { describe, expect, it } from "vitest";
import {
  checkCards, decodeState, DEFAULT_STATE, encodeState, fromEquityInput, initialState, isComplete, loadFromSession, sanitize,
  saveToSession, toEquityInput, type CalculatorState,
} from "./state";

const spot: CalculatorState = {
  game: "plo5",
  hiLo: true,
  players: [
    { kind: "hand", text: "AsKsQhJh2c" },
    { kind: "range", text: "AA**:ds, KK@50" },
    { kind: "hand", text: "" },
  ],
  boards: ["Qs7h2d", ""],
  dead: "9c",
  mode: "exact",
};

describe("the URL", () => {
  it("round-trips every field exactly, including empty and range text with commas and colons", () => {
    const url = encodeState(spot).toString();
    expect(decodeState(new URLSearchParams(url))).toEqual(spot);
  });

  it("keeps defaults out of the address", () => {
    const q = encodeState({ ...DEFAULT_STATE, players: [{ kind: "hand", text: "AsKsQhJh" }, { kind: "hand", text: "7c8c9d6d" }] });
    expect(q.toString()).toBe("p=h%3AAsKsQhJh&p=h%3A7c8c9d6d");
  });

  it("has no state without players, and ignores unknown values", () => {
    expect(decodeState(new URLSearchParams(""))).toBeNull();
    expect(decodeState(new URLSearchParams("p=h:AsKsQhJh&p=&g=plo9&m=fast"))).toMatchObject({ game: "plo4", mode: "auto" });
  });
});

describe("sessionStorage", () => {
  it("restores the last state of the tab, and the URL wins over it", () => {
    saveToSession(spot);
    expect(loadFromSession()).toEqual(spot);
    expect(initialState(new URLSearchParams(""))).toEqual(spot);
    expect(initialState(new URLSearchParams("p=h:AsKsQhJh&p=h:7c8c9d6d")).players[0]!.text).toBe("AsKsQhJh");
  });

  it("survives damaged storage", () => {
    sessionStorage.setItem("plosolver.calculator", "{not json");
    expect(loadFromSession()).toBeNull();
    expect(sanitize({ players: [{ text: "AsKsQhJh" }], boards: [] })).toBeNull(); // one player is not a spot
  });
});

describe("the equity request", () => {
  it("is the server's shape and converts back without loss", () => {
    const input = toEquityInput(spot);
    expect(input).toEqual({
      game: "plo5",
      hiLo: true,
      players: [{ hand: "AsKsQhJh2c" }, { range: "AA**:ds, KK@50" }, { hand: "" }],
      boards: ["Qs7h2d", ""],
      dead: "9c",
      mode: "exact",
    });
    expect(fromEquityInput(input)).toEqual(spot);
  });

  it("sends no boards for a single empty board (preflop)", () => {
    expect(toEquityInput(DEFAULT_STATE).boards).toBeUndefined();
  });
});

describe("checkCards", () => {
  it("uses the server's field names and finds cards used twice", () => {
    const { errors, used } = checkCards({ ...spot, game: "plo4", players: [{ kind: "hand", text: "AsKsQhJh" }, { kind: "hand", text: "AsXd" }], dead: "Qs" });
    expect(errors["players[1].hand"]).toMatch(/'X' at position 3/);
    expect(errors["dead"]).toBe("Qs is also in board 1");
    expect(used.get(51)).toBe("players[0].hand");
  });

  it("flags wrong hand and board sizes but not empty fields", () => {
    const { errors } = checkCards({ ...DEFAULT_STATE, players: [{ kind: "hand", text: "AsKs" }, { kind: "hand", text: "" }], boards: ["2c3c"] });
    expect(errors["players[0].hand"]).toMatch(/4 cards/);
    expect(errors["players[1].hand"]).toBeUndefined();
    expect(errors["boards[0]"]).toMatch(/3, 4 or 5/);
  });

  it("waits for every player before computing", () => {
    expect(isComplete(DEFAULT_STATE)).toBe(false);
    expect(isComplete({ ...DEFAULT_STATE, players: [{ kind: "hand", text: "AsKsQhJh" }, { kind: "range", text: "AA" }] })).toBe(true);
  });
});
