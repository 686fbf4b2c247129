import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route } from "react-router";
import { auth, resetClientForTests } from "../api/client";
import type { JobDto, SolveEstimate, SolveNode } from "../api/types";
import { renderRoutes } from "../test/render";
import SolverPage from "./SolverPage";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const estimate: SolveEstimate = {
  oopHands: 5849, ipHands: 6160, decisionNodes: 14, chanceNodes: 0, terminalNodes: 25, finalBoards: 1,
  memoryBytes: 170 * 1024 * 1024, secondsPerIteration: 0.014, maxMemoryBytes: 4096 * 1024 * 1024, fits: true, message: null,
};

function stubServer(handler: (url: string, body: unknown) => Response | undefined) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ url, body });
    return handler(url, body) ?? (url === "/api/ranges/parse" ? json(200, { combos: 2924, sample: [] }) : json(404, { title: "Not found" }));
  }));
  return calls;
}

function signIn() {
  auth.accept({ accessToken: "t", expiresIn: 900, refreshToken: "", user: { id: "u", email: "a@example.com", displayName: "A", hasPassword: true, googleLinked: false, createdAt: "2025-01-01T00:00:00Z" } });
}

function renderPage(url: string) {
  window.history.replaceState(null, "", url);
  return renderRoutes(url, (
    <>
      <Route path="/solver" element={<SolverPage />} />
      <Route path="/signin" element={<p>Sign-in page</p>} />
    </>
  ));
}

afterEach(() => {
  vi.unstubAllGlobals();
  resetClientForTests();
});

describe("Solver setup", () => {
  it("starts with a quick river spot, estimates it, and keeps edits in the URL", async () => {
    const calls = stubServer((url) => (url === "/api/solver/estimate" ? json(200, estimate) : undefined));
    auth.forget();
    renderPage("/solver");
    expect(screen.getByLabelText("Board")).toHaveValue("Kh9s6d4c2h");
    expect(screen.getByLabelText("River bets (% of pot)")).toHaveValue("33, 75");
    expect(screen.queryByLabelText("Flop bets (% of pot)")).toBeNull(); // a river spot bets on the river only
    const panel = screen.getByRole("region", { name: "Tree estimate" });
    await within(panel).findByText("14");
    expect(within(panel).getByText(/170 MB/)).toBeInTheDocument();
    expect(within(panel).getByText(/14 ms per iteration/)).toBeInTheDocument();
    expect(calls.find((c) => c.url === "/api/solver/estimate")!.body).toMatchObject({ board: "Kh9s6d4c2h", river: { bets: [0.33, 0.75], raises: [1], maxRaises: 1, allIn: true } });
    // Each range is checked with the board's cards removed.
    expect(calls.find((c) => c.url === "/api/ranges/parse")!.body).toMatchObject({ board: "Kh9s6d4c2h" });
    expect(await screen.findAllByText("2,924 combos on this board")).toHaveLength(2);

    await userEvent.clear(screen.getByLabelText("River bets (% of pot)"));
    await userEvent.type(screen.getByLabelText("River bets (% of pot)"), "50, 150");
    expect(screen.getByText("150: pot limit allows at most 100% of the pot")).toHaveAttribute("id", "solver-river-bets-msg");
    expect(new URLSearchParams(window.location.search).get("rb")).toBe("50, 150");
    // Signed out: the setup stays, with a way to sign in and come back to it.
    const link = screen.getByRole("link", { name: "Sign in to solve" });
    expect(link).toHaveAttribute("href", "/signin");
  });

  it("puts the server's field errors next to the field they name, and its other messages in the estimate", async () => {
    stubServer((url, body) => {
      if (url !== "/api/solver/estimate") return undefined;
      const spot = body as { ipRange: string };
      return spot.ipRange === "KK"
        ? json(422, { title: "The spot is not valid", errors: { "river.raises": ["a raise needs a bet to raise: give river bets"] } })
        : json(200, { ...estimate, fits: false, message: "the spot needs about 9,731 MB, over the limit of 4,096 MB: use fewer bet and raise sizes" });
    });
    signIn();
    renderPage("/solver?b=Kh9s6d4c2h&oop=AA&ip=QQ&pot=100&st=400&rb=&rr=100&rm=1");
    expect(await screen.findByText(/the spot needs about 9,731 MB/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Solve" })).toBeDisabled();
    await userEvent.clear(screen.getByLabelText("IP range"));
    await userEvent.type(screen.getByLabelText("IP range"), "KK");
    expect(await screen.findByText("a raise needs a bet to raise: give river bets")).toHaveAttribute("id", "solver-river-raises-msg");
  });

  it("shows the estimate's refusal of a spot as a whole in the estimate panel", async () => {
    const message = "the tree has more than 5,000,000 nodes: use fewer bet and raise sizes, fewer raises per street, or start on a later street";
    stubServer((url) => (url === "/api/solver/estimate" ? json(422, { title: "The spot cannot be solved", errors: { spot: [message] } }) : undefined));
    auth.forget();
    renderPage("/solver");
    const panel = screen.getByRole("region", { name: "Tree estimate" });
    expect(await within(panel).findByText(message)).toHaveAttribute("role", "alert");
  });

  it("submits a solve job and follows it on the job's page", async () => {
    const job = { id: "j1", type: "solve", status: "queued", input: {}, progress: 0, cancelRequested: false, attempts: 0, createdAt: "2025-01-01T00:00:00Z", startedAt: null, finishedAt: null, result: null, error: null };
    const calls = stubServer((url) => {
      if (url === "/api/solver/estimate") return json(200, estimate);
      if (url === "/api/jobs") return json(202, job);
      return undefined;
    });
    signIn();
    renderPage("/solver");
    await userEvent.click(await screen.findByRole("button", { name: "Solve" }));
    await waitFor(() => expect(calls.some((c) => c.url === "/api/jobs/j1")).toBe(true));
    expect(calls.find((c) => c.url === "/api/jobs")!.body).toMatchObject({ type: "solve", input: { board: "Kh9s6d4c2h", oopRange: "53:ds,66,K9:ds" } });
  });
});

describe("Solver job", () => {
  const root: SolveNode = {
    path: "", player: "oop", board: "Kh9s6d4c2h", pot: 100, stacks: [400, 400], combos: 5849, ev: 65.9, equity: 59.5,
    actions: [{ action: "check", amount: 0, frequency: 1, ev: 65.9, child: { kind: "terminal", path: "0", cards: null } }], categories: [], hands: [], line: [],
  };
  const done: JobDto = {
    id: "j2", type: "solve", status: "succeeded", progress: 1, cancelRequested: false, attempts: 1, createdAt: "2025-01-01T00:00:00Z", startedAt: null, finishedAt: null, error: null,
    input: { game: "plo4", board: "Kh9s6d4c2h", pot: 100, effectiveStack: 400, oopRange: "AA", ipRange: "KK", river: { bets: [0.5], raises: [], maxRaises: 0 }, targetExploitabilityPctPot: 0.5 },
    detail: { iterations: 60, exploitabilityPctPot: 0.42, elapsedMs: 2500, history: [{ iterations: 10, exploitabilityPctPot: 8.5, elapsedMs: 500 }, { iterations: 60, exploitabilityPctPot: 0.42, elapsedMs: 2500 }] },
    result: { iterations: 60, elapsedMs: 2500, exploitabilityPctPot: 0.42, exploitabilityChips: 0.42, peakMemoryBytes: 64 << 20, threads: 2, oopEv: 65.9, ipEv: 34.1, pot: 100, effectiveStack: 400, board: "Kh9s6d4c2h", root },
  };

  it("shows a finished solve: its figures, the exploitability chart and the root strategy", async () => {
    stubServer((url) => (url === "/api/jobs/j2" ? json(200, done) : url.startsWith("/api/jobs/j2/result") ? json(200, root) : undefined));
    signIn();
    renderPage("/solver?job=j2");
    expect(await screen.findByRole("heading", { name: "Solved" })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Exploitability from 8.5% to 0.42% of the pot over 60 iterations" })).toBeInTheDocument();
    expect(screen.getByText("0.420%")).toBeInTheDocument();
    expect(await screen.findByRole("heading", { name: "OOP to act" })).toBeInTheDocument();
    expect(screen.getByText("PLO4 · river Kh9s6d4c2h · pot 100, stack 400")).toBeInTheDocument();
  });

  it("follows a running solve over its event stream and cancels it", async () => {
    const running: JobDto = { ...done, id: "j3", status: "running", progress: 0.2, result: null, detail: { iterations: 10, exploitabilityPctPot: 8.5, elapsedMs: 500, history: [{ iterations: 10, exploitabilityPctPot: 8.5, elapsedMs: 500 }] } };
    const later: JobDto = { ...running, progress: 0.4, detail: { iterations: 20, exploitabilityPctPot: 2.6, elapsedMs: 1000, history: [{ iterations: 10, exploitabilityPctPot: 8.5, elapsedMs: 500 }, { iterations: 20, exploitabilityPctPot: 2.6, elapsedMs: 1000 }] } };
    const events = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`event: progress\ndata: ${JSON.stringify(later)}\n\n`));
        controller.close();
      },
    });
    let loads = 0;
    const calls = stubServer((url) => {
      // First the job as it was; the stream brings the next progress (and the page loads it once more at its end).
      if (url === "/api/jobs/j3") return json(200, loads++ === 0 ? running : later);
      if (url === "/api/jobs/j3/events") return new Response(events, { status: 200, headers: { "Content-Type": "text/event-stream" } });
      if (url === "/api/jobs/j3/cancel") return json(202, { ...later, status: "cancelled" });
      return undefined;
    });
    signIn();
    renderPage("/solver?job=j3");
    expect(await screen.findByRole("heading", { name: "Solving" })).toBeInTheDocument();
    expect(await screen.findByRole("img", { name: "Exploitability from 8.5% to 2.6% of the pot over 20 iterations" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Cancelled. Edit the setup to solve it again.")).toBeInTheDocument();
    expect(calls.some((c) => c.url === "/api/jobs/j3/cancel")).toBe(true);
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
  });

  it("asks a signed-out visitor to sign in", async () => {
    stubServer(() => undefined);
    auth.forget();
    renderPage("/solver?job=j2");
    expect(screen.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/signin");
  });
});
