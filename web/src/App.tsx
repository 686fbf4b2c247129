import { lazy, Suspense, useState } from "react";
import { Link, NavLink, Route, Routes, useLocation, useNavigate } from "react-router";
import EquityPage from "./equity/EquityPage";
import { useAuth } from "./auth/useAuth";
import { signOut } from "./api/endpoints";
import { RequireSignIn } from "./auth/RequireSignIn";

// Everything but the calculator loads on first visit to its page.
const SignInPage = lazy(() => import("./auth/SignInPage"));
const AccountPage = lazy(() => import("./auth/AccountPage"));
const SpotsPage = lazy(() => import("./spots/SpotsPage"));
const SharedSpotPage = lazy(() => import("./spots/SharedSpotPage"));
const JobsPage = lazy(() => import("./jobs/JobsPage"));
const SolverPage = lazy(() => import("./solver/SolverPage"));
const NotFoundPage = lazy(() => import("./ui/NotFoundPage"));

export function App() {
  const location = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="page-loading muted">Loading…</p>}>
          <Routes>
            {/* A new navigation to "/" (opening a spot) remounts the calculator with the state in its URL. */}
            <Route path="/" element={<EquityPage key={location.key} />} />
            <Route path="/signin" element={<SignInPage mode="signin" />} />
            <Route path="/register" element={<SignInPage mode="register" />} />
            <Route path="/account" element={<RequireSignIn><AccountPage /></RequireSignIn>} />
            <Route path="/solver" element={<SolverPage />} />
            <Route path="/spots" element={<RequireSignIn><SpotsPage /></RequireSignIn>} />
            <Route path="/jobs" element={<RequireSignIn><JobsPage /></RequireSignIn>} />
            <Route path="/shared/:slug" element={<SharedSpotPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}

function Header() {
  const session = useAuth();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const out = async () => {
    setBusy(true);
    try {
      await signOut();
    } catch {
      // The tokens are forgotten here either way; an unreachable server ends the session on expiry.
    } finally {
      setBusy(false);
      navigate("/");
    }
  };
  return (
    <header className="site-header">
      <Link to="/" className="brand" aria-label="PLOSolver home">
        <span aria-hidden="true">♠</span> PLOSolver
      </Link>
      <nav aria-label="Main">
        <NavLink to="/" end>
          Equity
        </NavLink>
        <NavLink to="/solver">Solver</NavLink>
        <NavLink to="/spots">Spots</NavLink>
        <NavLink to="/jobs">Jobs</NavLink>
      </nav>
      <div className="session">
        {session.status === "signedIn" ? (
          <>
            <NavLink to="/account" className="who" title={session.user.email}>
              {session.user.displayName || session.user.email}
            </NavLink>
            <button type="button" className="small" onClick={() => void out()} disabled={busy}>
              Sign out
            </button>
          </>
        ) : session.status === "signedOut" ? (
          <>
            <NavLink to="/signin">Sign in</NavLink>
            <NavLink to="/register" className="button-link">
              Register
            </NavLink>
          </>
        ) : (
          <span className="muted" aria-live="polite">…</span>
        )}
      </div>
    </header>
  );
}
