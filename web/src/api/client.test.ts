import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, auth, NetworkError, resetClientForTests } from "./client";

const user = { id: "u1", email: "a@b.co", displayName: null, hasPassword: true, googleLinked: false, createdAt: "2026-01-01T00:00:00Z" };
const tokens = (n: number) => ({ accessToken: `access-${n}`, expiresIn: 900, refreshToken: "not-used-by-the-browser", user });
const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

type Call = { url: string; auth: string | null };

function fakeServer(handler: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
    const call = { url, auth: new Headers(init?.headers).get("Authorization") };
    calls.push(call);
    return handler(call);
  }));
  return calls;
}

beforeEach(() => resetClientForTests());
afterEach(() => vi.unstubAllGlobals());

describe("start-up", () => {
  it("does not ask for a refresh when this browser never signed in", async () => {
    const calls = fakeServer(() => json(500, {}));
    await auth.start();
    expect(calls).toHaveLength(0);
    expect(auth.state.status).toBe("signedOut");
  });

  it("resumes the session from the refresh cookie", async () => {
    localStorage.setItem("plosolver.session", "1");
    const calls = fakeServer(({ url }) => (url === "/api/auth/refresh" ? json(200, tokens(1)) : json(404, {})));
    await auth.start();
    expect(calls.map((c) => c.url)).toEqual(["/api/auth/refresh"]);
    expect(auth.state).toMatchObject({ status: "signedIn", user: { email: "a@b.co" } });
  });

  it("is signed out when the cookie is gone or expired", async () => {
    localStorage.setItem("plosolver.session", "1");
    fakeServer(() => json(401, { title: "Invalid or expired refresh token" }));
    await auth.start();
    expect(auth.state.status).toBe("signedOut");
    expect(localStorage.getItem("plosolver.session")).toBeNull();
  });
});

describe("requests", () => {
  it("send the access token, refresh once on 401 and retry with the new one", async () => {
    auth.accept(tokens(1));
    const calls = fakeServer(({ url, auth: bearer }) => {
      if (url === "/api/auth/refresh") return json(200, tokens(2));
      return bearer === "Bearer access-2" ? json(200, { ok: true }) : json(401, {});
    });
    await expect(api("/api/spots")).resolves.toEqual({ ok: true });
    expect(calls.map((c) => `${c.url} ${c.auth}`)).toEqual(["/api/spots Bearer access-1", "/api/auth/refresh null", "/api/spots Bearer access-2"]);
  });

  it("share one refresh between concurrent 401s", async () => {
    auth.accept(tokens(1));
    const calls = fakeServer(({ url, auth: bearer }) => {
      if (url === "/api/auth/refresh") return new Promise((r) => setTimeout(() => r(json(200, tokens(2))), 10));
      return bearer === "Bearer access-2" ? json(200, {}) : json(401, {});
    });
    await Promise.all([api("/api/a"), api("/api/b"), api("/api/c")]);
    expect(calls.filter((c) => c.url === "/api/auth/refresh")).toHaveLength(1);
  });

  it("sign the user out when the refresh fails, and report the 401", async () => {
    auth.accept(tokens(1));
    fakeServer(() => json(401, { title: "Refresh token already used" }));
    const error = await api("/api/spots").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(auth.state.status).toBe("signedOut");
  });

  it("refresh ahead of time when the access token is about to expire", async () => {
    auth.accept({ ...tokens(1), expiresIn: 10 }); // within the 30 s margin
    const calls = fakeServer(({ url }) => (url === "/api/auth/refresh" ? json(200, tokens(2)) : json(200, {})));
    await api("/api/me");
    expect(calls.map((c) => `${c.url} ${c.auth}`)).toEqual(["/api/auth/refresh null", "/api/me Bearer access-2"]);
  });

  it("turn ProblemDetails into ApiError with field errors", async () => {
    fakeServer(() => json(400, { title: "One or more validation errors occurred.", errors: { "players[1].hand": ["'X' at position 3 is not a suit"] } }));
    const error = (await api("/api/equity", { body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(400);
    expect(error.field("players[1].hand")).toMatch(/position 3/);
  });

  it("turn a failed connection into NetworkError", async () => {
    vi.stubGlobal("fetch", vi.fn(() => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(api("/api/equity", { body: {} })).rejects.toBeInstanceOf(NetworkError);
  });
});
