// Typed calls, one per endpoint of DESIGN.md §4 that the app uses.
import { api, auth, authorizedFetch, ApiError } from "./client";
import type {
  AuthResponse, EquityInput, EquityResult, JobDto, JobPage, RangeResponse, SessionDto, ShareResponse, SharedSpotDto,
  SolveEstimate, SolveNode, SolveSpot, SpotData, SpotDto, SpotPage, UserDto,
} from "./types";
import { readEvents } from "./sse";

export const computeEquity = (input: EquityInput, signal?: AbortSignal) =>
  api<EquityResult>("/api/equity", { body: input, signal });

export const parseRange = (body: { game: string; range: string; board?: string; dead?: string }, signal?: AbortSignal) =>
  api<RangeResponse>("/api/ranges/parse", { body, signal });

// ---- accounts ----

export async function register(body: { email: string; password: string; displayName?: string }) {
  auth.accept(await api<AuthResponse>("/api/auth/register", { body }));
}

export async function signIn(body: { email: string; password: string }) {
  auth.accept(await api<AuthResponse>("/api/auth/login", { body }));
}

/** Ends this session on the server, then here. A failure still forgets the tokens locally. */
export async function signOut(everywhere = false) {
  try {
    await api<void>(everywhere ? "/api/auth/logout-all" : "/api/auth/logout", { method: "POST" });
  } finally {
    auth.forget();
  }
}

export const listSessions = () => api<SessionDto[]>("/api/auth/sessions");
export const revokeSession = (id: string) => api<void>(`/api/auth/sessions/${id}`, { method: "DELETE" });
export const getMe = () => api<UserDto>("/api/me");

export async function updateMe(body: { email?: string; displayName?: string }) {
  const user = await api<UserDto>("/api/me", { method: "PATCH", body });
  auth.updateUser(user);
  return user;
}

export const changePassword = (body: { currentPassword?: string; newPassword: string }) =>
  api<void>("/api/me/password", { body });

// ---- spots ----

export interface SpotFields {
  name: string;
  tags: string[];
  data: SpotData;
}

export function listSpots(query: { q?: string; tag?: string; page?: number; pageSize?: number }, signal?: AbortSignal) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, String(value));
  return api<SpotPage>(`/api/spots?${params}`, { signal });
}

export const getSpot = (id: string) => api<SpotDto>(`/api/spots/${id}`);
export const createSpot = (body: SpotFields) => api<SpotDto>("/api/spots", { body });
export const updateSpot = (id: string, body: SpotFields) => api<SpotDto>(`/api/spots/${id}`, { method: "PUT", body });
export const deleteSpot = (id: string) => api<void>(`/api/spots/${id}`, { method: "DELETE" });
export const shareSpot = (id: string) => api<ShareResponse>(`/api/spots/${id}/share`, { method: "POST" });
export const unshareSpot = (id: string) => api<void>(`/api/spots/${id}/share`, { method: "DELETE" });
export const getSharedSpot = (slug: string) => api<SharedSpotDto>(`/api/shared/${encodeURIComponent(slug)}`);

// ---- jobs ----

export const listJobs = (page = 1) => api<JobPage>(`/api/jobs?page=${page}&pageSize=50`);
export const submitEquityJob = (input: EquityInput) => api<JobDto>("/api/jobs", { body: { type: "equity", input } });
export const getJob = (id: string, signal?: AbortSignal) => api<JobDto>(`/api/jobs/${encodeURIComponent(id)}`, { signal });
export const submitSolveJob = (input: SolveSpot) => api<JobDto>("/api/jobs", { body: { type: "solve", input } });
export const cancelJob = (id: string) => api<JobDto>(`/api/jobs/${id}/cancel`, { method: "POST" });

// ---- solver ----

export const estimateSolve = (spot: SolveSpot, signal?: AbortSignal) => api<SolveEstimate>("/api/solver/estimate", { body: spot, signal });

/** One decision of a solve job's solution; `path` is the node path (`0.1.Qs`), empty for the root. */
export const getSolveNode = (id: string, path: string, signal?: AbortSignal) =>
  api<SolveNode>(`/api/jobs/${encodeURIComponent(id)}/result?node=${encodeURIComponent(path)}`, { signal });

/**
 * Follows a job's Server-Sent Events (`progress` while it runs, one `done` at the end). EventSource cannot
 * send the bearer token, so the stream is read with fetch. Resolves when the stream ends.
 */
export async function followJob(id: string, onUpdate: (job: JobDto) => void, signal: AbortSignal): Promise<void> {
  const response = await authorizedFetch(`/api/jobs/${id}/events`, { signal });
  if (!response.ok || !response.body) throw new ApiError(response.status, { title: "Cannot follow the job", status: response.status });
  for await (const event of readEvents(response.body, signal)) {
    if (event.data) onUpdate(JSON.parse(event.data) as JobDto);
  }
}
