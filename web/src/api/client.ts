// The one way the app talks to the server. Access tokens live only in this module's memory; the refresh
// token is the server's httpOnly cookie (path /api/auth), which the browser sends by itself. A request
// that comes back 401 refreshes once and is retried, so an expired access token never reaches the user.
import type { AuthResponse, Problem, UserDto } from "./types";

/** The server answered with an error status; `problem` is its RFC 9457 body (or a stand-in). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
  /** The messages for one field (`players[1].hand`), joined. */
  field(name: string): string | undefined {
    return this.problem.errors?.[name]?.join("; ");
  }
}

/** The server could not be reached at all (offline, server down, connection reset). */
export class NetworkError extends Error {
  constructor() {
    super("The server could not be reached. Check the connection and try again.");
  }
}

export const isAbort = (e: unknown) => e instanceof DOMException && e.name === "AbortError";

// ---- auth state ----

export type AuthState =
  | { status: "unknown" }
  | { status: "signedIn"; user: UserDto }
  | { status: "signedOut" };

// A plain flag (not a secret) that a session cookie probably exists, so an anonymous visit does not start
// with a refresh request that can only fail.
const HINT_KEY = "plosolver.session";
const REFRESH_MARGIN_MS = 30_000;

let accessToken: string | null = null;
let accessExpiresAt = 0;
let authState: AuthState = { status: "unknown" };
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

export const auth = {
  get state(): AuthState {
    return authState;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Sign-in, registration and refresh all answer with tokens and the user. */
  accept(response: AuthResponse): void {
    accessToken = response.accessToken;
    accessExpiresAt = Date.now() + response.expiresIn * 1000;
    setHint(true);
    setState({ status: "signedIn", user: response.user });
  },
  updateUser(user: UserDto): void {
    if (authState.status === "signedIn") setState({ status: "signedIn", user });
  },
  /** Forgets the tokens here (the server side is ended by the logout call). */
  forget(): void {
    accessToken = null;
    accessExpiresAt = 0;
    setHint(false);
    setState({ status: "signedOut" });
  },
  /** At start-up: resume the session from the refresh cookie, if there may be one. */
  async start(): Promise<void> {
    if (!getHint()) {
      setState({ status: "signedOut" });
      return;
    }
    await refreshOnce();
  },
};

function setState(next: AuthState) {
  authState = next;
  listeners.forEach((l) => l());
}

function getHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === "1";
  } catch {
    return true; // storage blocked: try the cookie every time
  }
}

function setHint(on: boolean) {
  try {
    if (on) localStorage.setItem(HINT_KEY, "1");
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // ignore: only an optimisation
  }
}

/**
 * Rotates the refresh cookie into a new access token. One refresh at a time in this tab (concurrent 401s
 * share it) and, through the Web Locks API, across tabs: the server treats a second use of a rotated
 * refresh token as theft and revokes the session, so two tabs must never race with the same cookie.
 */
function refreshOnce(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const run = () => doRefresh();
      const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
      return locks ? await locks.request("plosolver-refresh", run) : await run();
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function doRefresh(): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch("/api/auth/refresh", { method: "POST", credentials: "same-origin" });
  } catch {
    // Offline: keep what we know; the next request will try again.
    if (authState.status === "unknown") setState({ status: "signedOut" });
    return false;
  }
  if (response.ok) {
    auth.accept((await response.json()) as AuthResponse);
    return true;
  }
  auth.forget();
  return false;
}

// ---- requests ----

export interface RequestOptions {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: "same-origin",
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new NetworkError();
  }
}

/** Sends a request with the access token (when signed in) and returns the raw response (for streams). */
export async function authorizedFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  if (refreshing) await refreshing; // a request sent during a refresh would carry a stale token
  if (accessToken && Date.now() > accessExpiresAt - REFRESH_MARGIN_MS) await refreshOnce();
  const sentWith = accessToken;
  let response = await send(path, options, sentWith);
  if (response.status === 401 && sentWith && !path.startsWith("/api/auth/refresh")) {
    // Another request may have refreshed meanwhile; otherwise refresh now. Either way retry once.
    const renewed = accessToken !== sentWith || (await refreshOnce());
    if (renewed && accessToken) response = await send(path, options, accessToken);
  }
  return response;
}

/** Sends a JSON request and returns the parsed JSON answer (undefined for 204), or throws ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await authorizedFetch(path, options);
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Problem;
    if (body && typeof body === "object") return body;
  } catch {
    // not JSON (a proxy's error page): fall through
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}

/** For tests: back to a fresh page load. */
export function resetClientForTests(): void {
  accessToken = null;
  accessExpiresAt = 0;
  authState = { status: "unknown" };
  refreshing = null;
  listeners.clear();
}
