import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import { Results } from "./Results";
import type { EquityResult } from "../api/types";

// The CLI's double-board example (docs/cli.md), second player completed so the equities sum to 100.
const doubleBoard: EquityResult = {
  exact: true,
  deals: 442890,
  elapsedMs: 9.696,
  players: [
    { input: "AsKsQhJh", equity: 59.531, win: 34.971, tie: 49.12, scoop: 34.971, stdErr: null, boards: [{ equity: 56.188, win: 56.188, tie: 0, hi: null, lo: null }, { equity: 62.873, win: 62.873, tie: 0, hi: null, lo: null }] },
    { input: "7c8c9d6d", equity: 40.469, win: 15.909, tie: 49.12, scoop: 15.909, stdErr: null, boards: [{ equity: 43.812, win: 43.812, tie: 0, hi: null, lo: null }, { equity: 37.127, win: 37.127, tie: 0, hi: null, lo: null }] },
  ],
};

describe("Results", () => {
  it("shows equity, win, tie, scoop and each board for a double-board pot, with an exact badge", () => {
    render(<Results result={doubleBoard} labels={["Player 1", "Player 2"]} hiLo={false} />);
    expect(screen.getByText(/Exact · 442,890 deals/)).toBeInTheDocument();
    const [main, split] = screen.getAllByRole("table");
    expect(within(main!).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Player", "Equity", "Win", "Tie", "Scoop"]);
    expect(within(main!).getAllByRole("row")[1]!.textContent).toContain("AsKsQhJh");
    const row = within(main!).getByRole("row", { name: /Player 1/ });
    expect(within(row).getAllByRole("cell").map((c) => c.textContent)).toEqual(["59.53%", "34.97%", "49.12%", "34.97%"]);
    expect(within(split!).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Player", "Board 1", "Board 2"]);
    const boards = within(split!).getByRole("row", { name: /Player 2/ });
    expect(within(boards).getAllByRole("cell").map((c) => c.textContent)).toEqual(["43.81%", "37.13%"]);
  });

  it("shows Monte Carlo trials and the standard error", () => {
    const mc: EquityResult = {
      exact: false, deals: 1_000_000, elapsedMs: 120,
      players: [
        { input: "AA**", equity: 60, win: 59, tie: 2, scoop: null, stdErr: 0.05, boards: [{ equity: 60, win: 59, tie: 2, hi: null, lo: null }] },
        { input: "KK**", equity: 40, win: 39, tie: 2, scoop: null, stdErr: 0.04, boards: [{ equity: 40, win: 39, tie: 2, hi: null, lo: null }] },
      ],
    };
    render(<Results result={mc} labels={["Player 1", "Player 2"]} hiLo={false} />);
    expect(screen.getByText(/Monte Carlo · 1,000,000 trials · ±0.05 pts/)).toBeInTheDocument();
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Player", "Equity", "Win", "Tie"]);
  });

  it("splits hi-lo equity into its high and low shares", () => {
    const hilo: EquityResult = {
      exact: true, deals: 820, elapsedMs: 2,
      players: [
        { input: "As2sKh3h", equity: 70, win: 40, tie: 50, scoop: 40, stdErr: null, boards: [{ equity: 70, win: 40, tie: 50, hi: 30, lo: 40 }] },
        { input: "7c8c9d6d", equity: 30, win: 10, tie: 50, scoop: 10, stdErr: null, boards: [{ equity: 30, win: 10, tie: 50, hi: 28, lo: 2 }] },
      ],
    };
    render(<Results result={hilo} labels={["Player 1", "Player 2"]} hiLo />);
    const [main, split] = screen.getAllByRole("table");
    const row = within(main!).getByRole("row", { name: /Player 1/ });
    expect(within(row).getAllByRole("cell").map((c) => c.textContent)).toEqual(["70.00%", "40.00%", "50.00%", "40.00%"]);
    const shares = within(split!).getByRole("row", { name: /Player 1/ });
    expect(within(shares).getAllByRole("cell").map((c) => c.textContent)).toEqual(["30.00%", "40.00%"]);
  });
});
