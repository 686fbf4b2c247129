import { useEffect, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import { changePassword, listSessions, revokeSession, signOut, updateMe } from "../api/endpoints";
import type { SessionDto, UserDto } from "../api/types";
import { ErrorNotice } from "../ui/ErrorNotice";
import { useAuth } from "./useAuth";

export default function AccountPage() {
  const session = useAuth();
  useEffect(() => {
    document.title = "Account — PLOSolver";
  }, []);
  if (session.status !== "signedIn") return null;
  return (
    <div className="page narrow">
      <h1>Account</h1>
      <ProfileForm user={session.user} />
      <PasswordForm user={session.user} />
      <Sessions />
    </div>
  );
}

function ProfileForm({ user }: { user: UserDto }) {
  const [displayName, setDisplayName] = useState(user.displayName ?? "");
  const [email, setEmail] = useState(user.email);
  const save = useMutation({ mutationFn: () => updateMe({ displayName: displayName.trim(), email: email.trim() }) });
  const fieldError = (f: string) => (save.error instanceof ApiError ? save.error.field(f) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <label htmlFor="profile-name">Display name</label>
      <input id="profile-name" value={displayName} maxLength={100} onChange={(e) => setDisplayName(e.target.value)} aria-describedby="profile-name-msg" />
      <p className="field-msg error" id="profile-name-msg">{fieldError("displayName")}</p>
      <label htmlFor="profile-email">Email</label>
      <input id="profile-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={fieldError("email") ? true : undefined} aria-describedby="profile-email-msg" />
      <p className="field-msg error" id="profile-email-msg">{fieldError("email") && `Email ${fieldError("email")}`}</p>
      <p className="muted small">Member since {new Date(user.createdAt).toLocaleDateString()}{user.googleLinked ? " · Google account linked" : ""}</p>
      {save.error && !(save.error instanceof ApiError && save.error.problem.errors) && <ErrorNotice error={save.error} onRetry={() => save.mutate()} />}
      {save.isSuccess && <p className="notice ok" role="status">Profile saved.</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save profile
        </button>
      </div>
    </form>
  );
}

function PasswordForm({ user }: { user: UserDto }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const queries = useQueryClient();
  const change = useMutation({
    mutationFn: () => changePassword({ currentPassword: user.hasPassword ? current : undefined, newPassword: next }),
    onSuccess: () => {
      setCurrent("");
      setNext("");
      // The server ends every other session when the password changes.
      void queries.invalidateQueries({ queryKey: ["sessions"] });
    },
  });
  const fieldError = (f: string) => (change.error instanceof ApiError ? change.error.field(f) : undefined);
  return (
    <form
      className="panel form"
      aria-labelledby="password-title"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate();
      }}
    >
      <h2 id="password-title">{user.hasPassword ? "Change password" : "Set a password"}</h2>
      {user.hasPassword && (
        <>
          <label htmlFor="current-password">Current password</label>
          <input id="current-password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} aria-invalid={fieldError("currentPassword") ? true : undefined} aria-describedby="current-password-msg" />
          <p className="field-msg error" id="current-password-msg">{fieldError("currentPassword") && `Current password ${fieldError("currentPassword")}`}</p>
        </>
      )}
      <label htmlFor="new-password">New password</label>
      <input id="new-password" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} aria-invalid={fieldError("newPassword") ? true : undefined} aria-describedby="new-password-msg" />
      <p className={`field-msg${fieldError("newPassword") ? " error" : ""}`} id="new-password-msg">
        {fieldError("newPassword") ? `New password ${fieldError("newPassword")}` : "8 to 128 characters; other devices are signed out"}
      </p>
      {change.error && !(change.error instanceof ApiError && change.error.problem.errors) && <ErrorNotice error={change.error} />}
      {change.isSuccess && <p className="notice ok" role="status">Password changed; your other sessions were signed out.</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={change.isPending || !next}>
          Change password
        </button>
      </div>
    </form>
  );
}

function describe(s: SessionDto): string {
  const ua = s.userAgent ?? "";
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : ua ? ua.split(" ")[0] : "Unknown client";
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} on ${os}` : browser!;
}

function Sessions() {
  const queries = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({ queryKey: ["sessions"], queryFn: listSessions });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeSession(id),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ["sessions"] }),
  });
  const everywhere = useMutation({
    mutationFn: () => signOut(true),
    onSettled: () => navigate("/"),
  });
  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Active sessions</h2>
      {sessions.isPending && <p className="muted">Loading…</p>}
      {sessions.error && <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data && (
        <ul className="sessions">
          {sessions.data.map((s) => (
            <li key={s.id}>
              <div>
                <strong>{describe(s)}</strong>
                {s.current && <span className="badge exact">this device</span>}
                <div className="muted small">
                  {s.ipAddress ?? "unknown address"} · signed in {new Date(s.createdAt).toLocaleString()} · last active {new Date(s.lastUsedAt).toLocaleString()}
                </div>
              </div>
              {!s.current && (
                <button type="button" className="small" disabled={revoke.isPending} onClick={() => revoke.mutate(s.id)} aria-label={`Revoke session ${describe(s)} from ${s.ipAddress ?? "unknown address"}`}>
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoke.error && <ErrorNotice error={revoke.error} />}
      <div className="actions">
        <button type="button" className="danger" disabled={everywhere.isPending} onClick={() => everywhere.mutate()}>
          Sign out everywhere
        </button>
      </div>
    </section>
  );
}
