import { useEffect, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { ApiError } from "../api/client";
import { register, signIn } from "../api/endpoints";
import { ErrorNotice } from "../ui/ErrorNotice";
import { useAuth } from "./useAuth";

/** Sign in and Register share one form; the route picks which. */
export default function SignInPage({ mode }: { mode: "signin" | "register" }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const navigate = useNavigate();
  const location = useLocation();
  const session = useAuth();
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  const registering = mode === "register";

  useEffect(() => {
    document.title = registering ? "Register — PLOSolver" : "Sign in — PLOSolver";
    setError(null);
  }, [registering]);

  useEffect(() => {
    if (session.status === "signedIn" && !busy) navigate(from, { replace: true });
  }, [session.status, busy, from, navigate]);

  const attempt = async () => {
    setBusy(true);
    setError(null);
    try {
      if (registering) await register({ email, password, displayName: displayName.trim() || undefined });
      else await signIn({ email, password });
      navigate(from, { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (f: string) => (error instanceof ApiError ? error.field(f) : undefined);
  const general = error != null && !(error instanceof ApiError && error.problem.errors) ? error : null;

  return (
    <div className="page narrow">
      <h1>{registering ? "Create an account" : "Sign in"}</h1>
      <p className="muted">
        {registering
          ? "An account saves spots, shares them and runs long calculations as jobs. The calculator works without one."
          : "Welcome back. The calculator works without an account; spots and jobs need one."}
      </p>
      <form className="panel form" onSubmit={(e: FormEvent) => { e.preventDefault(); void attempt(); }} noValidate>
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required aria-invalid={fieldError("email") ? true : undefined} aria-describedby="email-msg" />
        <p className="field-msg error" id="email-msg">{fieldError("email") && `Email ${fieldError("email")}`}</p>

        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete={registering ? "new-password" : "current-password"}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          minLength={registering ? 8 : undefined}
          aria-invalid={fieldError("password") ? true : undefined}
          aria-describedby="password-msg"
        />
        <p className={`field-msg${fieldError("password") ? " error" : ""}`} id="password-msg">
          {fieldError("password") ? `Password ${fieldError("password")}` : registering ? "8 to 128 characters" : ""}
        </p>

        {registering && (
          <>
            <label htmlFor="displayName">Display name (optional)</label>
            <input id="displayName" autoComplete="nickname" value={displayName} onChange={(e) => setDisplayName(e.target.value)} maxLength={100} aria-describedby="displayName-msg" />
            <p className="field-msg error" id="displayName-msg">{fieldError("displayName")}</p>
          </>
        )}

        {general != null && <ErrorNotice error={general} what={registering ? "Registration" : "Sign-in"} onRetry={() => void attempt()} />}

        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? "…" : registering ? "Create account" : "Sign in"}
        </button>
      </form>
      <p>
        {registering ? (
          <>Already have an account? <Link to="/signin" state={location.state}>Sign in</Link></>
        ) : (
          <>New here? <Link to="/register" state={location.state}>Create an account</Link></>
        )}
      </p>
    </div>
  );
}
