import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useAuth } from "./useAuth";

/** Pages that need an account: wait for the start-up refresh, then send signed-out visitors to sign in. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const session = useAuth();
  const location = useLocation();
  if (session.status === "unknown") return <p className="page-loading muted">Loading…</p>;
  if (session.status === "signedOut") return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return children;
}
