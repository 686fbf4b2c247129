import { describe, expect, it } from "vitest";
import { getOpenSpot, readSpotData, setOpenSpot, toSolverSpotData, toSpotData } from "./spotData";
import { DEFAULT_STATE } from "../equity/state";
import { checkSetup, DEFAULT_SETUP } from "../solver/setup";

describe("spot data", () => {
  it("reads an equity spot back into the calculator's state", () => {
    const data = toSpotData({ ...DEFAULT_STATE, players: [{ kind: "hand", text: "AsKsQhJh" }, { kind: "range", text: "AA" }] }, " notes ");
    expect(data).toEqual({ kind: "equity", input: { game: "plo4", players: [{ hand: "AsKsQhJh" }, { range: "AA" }] }, notes: "notes" });
    const read = readSpotData(data);
    expect(read?.kind).toBe("equity");
    expect(read?.kind === "equity" && read.state.players[1]).toEqual({ kind: "range", text: "AA" });
  });

  it("reads a solver spot back into the Solver's setup, with its job", () => {
    const spot = checkSetup(DEFAULT_SETUP).spot!;
    const data = toSolverSpotData(spot, "job-9", "");
    expect(data).toEqual({ kind: "solver", input: spot, jobId: "job-9" });
    const read = readSpotData(data);
    expect(read).toMatchObject({ kind: "solver", jobId: "job-9", input: spot, notes: "" });
    expect(readSpotData({ kind: "solver", input: { pot: 1 } })).toBeNull();
    expect(readSpotData({ kind: "poker", input: {} })).toBeNull();
  });

  it("offers to update the open spot only from its own page", () => {
    setOpenSpot({ id: "s1", name: "River", tags: [], notes: "", kind: "solver" });
    expect(getOpenSpot("solver")?.id).toBe("s1");
    expect(getOpenSpot("equity")).toBeNull();
    // Stored before solver spots existed: an equity spot.
    sessionStorage.setItem("plosolver.openSpot", JSON.stringify({ id: "s2", name: "Flop", tags: [], notes: "" }));
    expect(getOpenSpot()?.id).toBe("s2");
    expect(getOpenSpot("solver")).toBeNull();
  });
});
