import { afterEach, describe, expect, it, vi } from "vitest";
import { renderHook, waitFor } from "@testing-library/react";
import { useRangeCheck } from "./useRangeCheck";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("useRangeCheck", () => {
  it("asks the server once the typing pauses, with the known cards, and reports the combos", async () => {
    const fetch = vi.fn(async () => json(200, { combos: 3151, sample: ["AhAdKcQs"] }));
    vi.stubGlobal("fetch", fetch);
    const { result, rerender } = renderHook(({ text }) => useRangeCheck("plo4", text, "AsKd2c", "Qh"), { initialProps: { text: "A" } });
    rerender({ text: "AA" });
    expect(result.current.status).toBe("checking");
    await waitFor(() => expect(result.current).toMatchObject({ status: "ok", value: { combos: 3151 } }));
    expect(fetch).toHaveBeenCalledTimes(1); // "A" was replaced before its debounce ran out
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/ranges/parse");
    expect(JSON.parse(init.body as string)).toEqual({ game: "plo4", range: "AA", board: "AsKd2c", dead: "Qh" });
  });

  it("reports a bad range with the position the server names", async () => {
    vi.stubGlobal("fetch", vi.fn(async () =>
      json(400, { title: "The range is not valid", errors: { range: ["position 4: expected ')' to close the '(' at position 1"] }, position: 4 }),
    ));
    const { result } = renderHook(() => useRangeCheck("plo4", "(AA", "", ""));
    await waitFor(() => expect(result.current).toEqual({ status: "invalid", message: "position 4: expected ')' to close the '(' at position 1", position: 4 }));
  });

  it("answers a range it has seen from memory, and says so when the server is unreachable", async () => {
    const fetch = vi.fn(async () => json(200, { combos: 2808, sample: [] }));
    vi.stubGlobal("fetch", fetch);
    const first = renderHook(() => useRangeCheck("plo4", "RROO", "", ""));
    await waitFor(() => expect(first.result.current.status).toBe("ok"));
    const again = renderHook(() => useRangeCheck("plo4", " RROO ", "", ""));
    expect(again.result.current).toMatchObject({ status: "ok", value: { combos: 2808 } });
    expect(fetch).toHaveBeenCalledTimes(1);

    vi.stubGlobal("fetch", vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))));
    const offline = renderHook(() => useRangeCheck("plo4", "KK", "", ""));
    await waitFor(() => expect(offline.result.current.status).toBe("unavailable"));
  });

  it("is quiet for an empty range", () => {
    const { result } = renderHook(() => useRangeCheck("plo4", "  ", "", ""));
    expect(result.current).toEqual({ status: "empty" });
  });
});
