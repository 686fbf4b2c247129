import { afterEach, describe, expect, it, vi } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, useSearchParams } from "react-router";
import { resetClientForTests } from "../api/client";
import type { SolveNode } from "../api/types";
import { NodeView } from "./NodeView";
import { solverJobUrl } from "./path";
import { renderRoutes } from "../test/render";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const root: SolveNode = {
  path: "", player: "oop", board: "Kh9s6d4c2h", pot: 100, stacks: [400, 400], combos: 5849, ev: 65.9, equity: 59.5,
  actions: [
    { action: "check", amount: 0, frequency: 0.578, ev: 60.1, child: { kind: "decision", path: "0", cards: null } },
    { action: "bet 75", amount: 75, frequency: 0.069, ev: 70.2, child: { kind: "decision", path: "1", cards: null } },
    { action: "all-in 100", amount: 100, frequency: 0.353, ev: 72.4, child: { kind: "terminal", path: "2", cards: null } },
  ],
  categories: [
    { name: "straight", label: "Straight", combos: 1935, frequencies: [0.261, 0.115, 0.624], ev: 120.5, equity: 99.4 },
    { name: "set", label: "Set", combos: 2924, frequencies: [0.85, 0.011, 0.139], ev: 40.2, equity: 34.1 },
  ],
  hands: [
    { hand: "5s3s6c6h", weight: 1, frequencies: [0.1, 0.2, 0.7], ev: 130, actionEvs: [120, 125, 131], equity: 99.9 },
    { hand: "KdKc9h9d", weight: 1, frequencies: [0.6, 0.1, 0.3], ev: 80, actionEvs: [79, 80, 81], equity: 70 },
    { hand: "AsKs9c8c", weight: 0.5, frequencies: [1, 0, 0], ev: 10, actionEvs: [10, 8, 5], equity: 20 },
  ],
  line: [],
};

const afterCheck: SolveNode = {
  ...root, path: "0", player: "ip", ev: 34.1, equity: 40.5,
  actions: [
    { action: "check", amount: 0, frequency: 0.4, ev: 30, child: { kind: "terminal", path: "0.0", cards: null } },
    { action: "bet 33", amount: 33, frequency: 0.6, ev: 36, child: { kind: "decision", path: "0.1", cards: null } },
  ],
  categories: [],
  hands: [{ hand: "AhAdKcQc", weight: 1, frequencies: [0.4, 0.6], ev: 36, actionEvs: [35, 36], equity: 45 }],
  line: [{ player: "oop", action: "check", card: null }],
};

function stubNodes(nodes: Record<string, SolveNode | Response>) {
  const fetch = vi.fn(async (url: string) => {
    const node = new URL(url, "http://x").searchParams.get("node") ?? "";
    const answer = nodes[node];
    if (answer instanceof Response) return answer;
    return answer ? json(200, answer) : json(422, { title: "Bad node", errors: { node: [`step 1: no node ${node}`] } });
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

// The page's job: the node path lives in the address, so links and the back button move through the tree.
function Page() {
  const [params] = useSearchParams();
  return <NodeView jobId="job-1" path={params.get("node") ?? ""} linkTo={(p) => solverJobUrl("job-1", p)} />;
}

function renderAt(url: string) {
  return renderRoutes(url, <Route path="/solver" element={<Page />} />);
}

afterEach(() => {
  vi.unstubAllGlobals();
  resetClientForTests();
});

describe("NodeView", () => {
  it("shows whose turn, the pot, the actions with frequency and EV, and the categories", async () => {
    const fetch = stubNodes({ "": root });
    renderAt("/solver?job=job-1");
    expect(await screen.findByRole("heading", { name: "OOP to act" })).toBeInTheDocument();
    expect(fetch.mock.calls[0]![0]).toBe("/api/jobs/job-1/result?node=");
    expect(screen.getByRole("link", { name: "Check: 58%, EV 60.1. Go to the next decision" })).toHaveAttribute("href", "/solver?job=job-1&node=0");
    expect(screen.getByRole("link", { name: /^Bet 75: 7%, EV 70.2/ })).toHaveAttribute("href", "/solver?job=job-1&node=1");
    // An action that ends the hand has nowhere to go.
    expect(screen.getByRole("button", { name: "All-in 100: 35%, EV 72.4. Ends the hand" })).toBeDisabled();

    const categories = screen.getAllByRole("table")[0]!;
    const straight = within(categories).getByRole("row", { name: /Straight/ });
    expect(within(straight).getAllByRole("cell").map((c) => c.textContent)).toEqual(["1,935", "", "26%", "12%", "62%", "120.5", "99.4%"]);
  });

  it("goes to the child of an action, shows the line as breadcrumbs and goes back through them", async () => {
    stubNodes({ "": root, "0": afterCheck });
    renderAt("/solver?job=job-1");
    await userEvent.type(await screen.findByLabelText("Filter hands"), "AA");
    await userEvent.click(await screen.findByRole("link", { name: /^Check: 58%/ }));
    expect(await screen.findByRole("heading", { name: "IP to act" })).toBeInTheDocument();
    // The filter follows the line: IP's aces at this node.
    expect(screen.getByLabelText("Filter hands")).toHaveValue("AA");
    await waitFor(() => expect(screen.getByText("1 of 1 hands")).toBeInTheDocument());
    const line = screen.getByRole("navigation", { name: "Line" });
    expect(within(line).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Start", "OOP check"]);
    expect(within(line).getByText("OOP check")).toHaveAttribute("aria-current", "page");
    await userEvent.click(within(line).getByRole("link", { name: "Start" }));
    expect(await screen.findByRole("heading", { name: "OOP to act" })).toBeInTheDocument();
  });

  it("asks for the card before a chance node and goes to the node after it", async () => {
    const turnRoot: SolveNode = {
      ...root, board: "Kh9s6d4c",
      actions: [{ action: "check", amount: 0, frequency: 1, ev: 50, child: { kind: "chance", path: "0.0", cards: ["2c", "Qs", "Ah"] } }],
      categories: [], hands: [],
    };
    const afterQs: SolveNode = { ...root, path: "0.0.Qs", board: "Kh9s6d4cQs", line: [{ player: "oop", action: "check", card: null }, { player: "ip", action: "check", card: null }, { player: null, action: null, card: "Qs" }] };
    const fetch = stubNodes({ "": turnRoot, "0.0.Qs": afterQs });
    renderAt("/solver?job=job-1");
    await userEvent.click(await screen.findByRole("button", { name: /^Check: 100%, EV 50.0. Deal the river/ }));
    const deal = screen.getByRole("group", { name: "Deal the river" });
    expect(within(deal).getAllByRole("link").map((a) => a.textContent)).toEqual(["2c2♣", "QsQ♠", "AhA♥"]);
    await userEvent.click(within(deal).getByRole("link", { name: /Qs/ }));
    const line = await screen.findByRole("navigation", { name: "Line" });
    await waitFor(() => expect(within(line).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Start", "OOP check", "IP check", "Qs"]));
    expect(fetch.mock.calls.at(-1)![0]).toBe("/api/jobs/job-1/result?node=0.0.Qs");
    expect(within(line).getByRole("link", { name: "IP check" })).toHaveAttribute("href", "/solver?job=job-1&node=0.0");
  });

  it("filters and sorts the hand table", async () => {
    stubNodes({ "": root });
    renderAt("/solver?job=job-1");
    const hands = await screen.findByRole("region", { name: "Hands" });
    const rowHands = () => within(hands).getAllByRole("row").slice(1).map((r) => within(r).getByRole("rowheader").textContent!.slice(0, 8));
    // Each hand highest card first, the rows strongest hand first.
    expect(rowHands()).toEqual(["AsKs9c8c", "KdKc9h9d", "6h6c5s3s"]);
    expect(within(hands).getByText("3 of 3 hands")).toBeInTheDocument();

    await userEvent.click(within(hands).getByRole("button", { name: /^EV/ }));
    expect(within(hands).getByRole("columnheader", { name: /^EV/ })).toHaveAttribute("aria-sort", "descending");
    expect(rowHands()).toEqual(["6h6c5s3s", "KdKc9h9d", "AsKs9c8c"]);
    await userEvent.click(within(hands).getByRole("button", { name: /^EV/ }));
    expect(rowHands()).toEqual(["AsKs9c8c", "KdKc9h9d", "6h6c5s3s"]);

    await userEvent.type(within(hands).getByLabelText("Filter hands"), "KK");
    await waitFor(() => expect(rowHands()).toEqual(["KdKc9h9d"]));
    expect(within(hands).getByText("1 of 3 hands")).toBeInTheDocument();
    await userEvent.clear(within(hands).getByLabelText("Filter hands"));
    await userEvent.type(within(hands).getByLabelText("Filter hands"), "Ax");
    expect(within(hands).getByText(/'x' is not a rank/)).toBeInTheDocument();
  });

  it("renders a window of a 10,000-hand table, not every row", async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ hand: ["AsKsQsJs", "AhKhQhJh", "AdKdQdJd", "AcKcQcJc"][i % 4]!, weight: i / 10_000, frequencies: [0.5, 0.25, 0.25], ev: i, actionEvs: [i, i, i], equity: 50 }));
    stubNodes({ "": { ...root, hands: many } });
    renderAt("/solver?job=job-1");
    const hands = await screen.findByRole("region", { name: "Hands" });
    const table = within(hands).getByRole("table");
    expect(table).toHaveAttribute("aria-rowcount", "10001");
    expect(within(table).getAllByRole("row").length).toBeLessThan(60);
  });

  it("says so when the address names no decision, with a way back to the start", async () => {
    stubNodes({});
    renderAt("/solver?job=job-1&node=7");
    expect(await screen.findByText("step 1: no node 7")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to the start" })).toHaveAttribute("href", "/solver?job=job-1");
  });
});
