import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import EquityPage from "./EquityPage";
import { resetClientForTests } from "../api/client";

const result = {
  exact: true, deals: 820, elapsedMs: 3,
  players: [
    { input: "AsKsQhJh", equity: 69.27, win: 69.27, tie: 0, boards: [{ equity: 69.27, win: 69.27, tie: 0 }] },
    { input: "7c8c9d6d", equity: 30.73, win: 30.73, tie: 0, boards: [{ equity: 30.73, win: 30.73, tie: 0 }] },
  ],
};

function stubServer(handler: (url: string, body: unknown) => Response) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ url, body });
    return handler(url, body);
  }));
  return calls;
}
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function renderPage(search = "") {
  window.history.replaceState(null, "", `/${search}`);
  return render(<MemoryRouter><EquityPage /></MemoryRouter>);
}

afterEach(() => {
  vi.unstubAllGlobals();
  resetClientForTests();
});

describe("EquityPage", () => {
  it("computes once both hands are typed and keeps the input in the URL", async () => {
    const calls = stubServer(() => json(200, result));
    renderPage();
    await userEvent.type(screen.getByLabelText("Player 1 hand"), "AsKsQhJh");
    await userEvent.type(screen.getByLabelText("Player 2 hand"), "7c8c9d6d");
    await userEvent.type(screen.getByLabelText("Board"), "Qs7h2d");
    // The stub answers every request alike, so wait for the request with the board, then for its answer.
    await waitFor(() =>
      expect(calls.at(-1)).toEqual({ url: "/api/equity", body: { game: "plo4", players: [{ hand: "AsKsQhJh" }, { hand: "7c8c9d6d" }], boards: ["Qs7h2d"] } }),
    );
    expect(await screen.findAllByText("69.27%")).not.toHaveLength(0);
    expect(window.location.search).toBe("?p=h%3AAsKsQhJh&p=h%3A7c8c9d6d&b=Qs7h2d");
  });

  it("shows a bad card next to its field at once, without asking the server", async () => {
    const calls = stubServer(() => json(200, result));
    renderPage("?p=h:AsKsQhJh&p=h:7c8c9dXd");
    expect(screen.getByLabelText("Player 2 hand")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(/'X' at position 7 is not a rank/)).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 150));
    expect(calls.filter((c) => c.url === "/api/equity")).toHaveLength(0);
  });

  it("puts the server's field errors next to the field they name", async () => {
    const message = "position 4: expected ')' to close the '(' at position 1";
    stubServer((url) =>
      url === "/api/ranges/parse"
        ? json(400, { title: "The range is not valid", errors: { range: [message] }, position: 4 })
        : json(400, { title: "One or more validation errors occurred.", errors: { "players[1].range": [message], dead: ["Kc is also in players[0].hand"] } }),
    );
    renderPage("?p=h:AsKsQhJh&p=r:(AA");
    // The range check (with the position marked) and the equity request both name it; it sits beside player 2.
    const shown = await screen.findByText(/expected '\)' to close/);
    expect(shown.closest("fieldset")).toHaveTextContent("Player 2");
    // Position 4 is just past "(AA": the marker sits at the end of the text.
    await waitFor(() => expect(document.querySelector("#player-1-msg mark")?.textContent).toBe(" "));
    expect(await screen.findByText("Kc is also in players[0].hand")).toHaveAttribute("id", "dead-msg");
  });

  it("lists a range's hand categories on the board, by their labels", async () => {
    const categories = [
      { name: "set", label: "Set", kind: "made", combos: 3187, percent: 34.44 },
      { name: "overpair", label: "Overpair", kind: "made", combos: 6067, percent: 65.56 },
      { name: "backdoorFlushDraw", label: "Backdoor flush draw", kind: "draw", combos: 6050, percent: 65.38 },
    ];
    stubServer((url) => (url === "/api/ranges/parse" ? json(200, { combos: 9254, sample: [], categories }) : json(200, result)));
    renderPage("?p=h:7c8c9d6d&p=r:AA,KK&b=Ks7h2d");
    expect(await screen.findByText("Hand categories on this board")).toBeInTheDocument();
    expect(screen.getByText("Overpair")).toBeInTheDocument();
    expect(screen.getByText("Backdoor flush draw")).toBeInTheDocument();
    expect(screen.getByText("34.4%")).toBeInTheDocument();
  });

  it("says when the server cannot be reached and retries on request", async () => {
    let up = false;
    vi.stubGlobal("fetch", vi.fn(async () => {
      if (!up) throw new TypeError("Failed to fetch");
      return json(200, result);
    }));
    renderPage("?p=h:AsKsQhJh&p=h:7c8c9d6d&b=Qs7h2d");
    expect(await screen.findByText(/Cannot reach the server/)).toBeInTheDocument();
    up = true;
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(screen.getAllByText("69.27%")).not.toHaveLength(0));
    expect(screen.getByLabelText("Player 1 hand")).toHaveValue("AsKsQhJh");
  });
});
