import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { ApiError, isAbort } from "../api/client";
import { cancelJob, followJob, getJob } from "../api/endpoints";
import type { JobDto, SolveDetail, SolveResult, SolveSpot } from "../api/types";
import { useAuth } from "../auth/useAuth";
import { duration } from "../equity/format";
import { toSolverSpotData } from "../spots/spotData";
import { ErrorNotice } from "../ui/ErrorNotice";
import { CardsText } from "./CardsText";
import { pctLabel } from "./chart";
import { ExploitabilityChart } from "./ExploitabilityChart";
import { bytes } from "./format";
import { NodeView } from "./NodeView";
import { solverJobUrl } from "./path";
import { encodeSetup, fromSpot, setupSummary } from "./setup";

const SaveSpotPanel = lazy(() => import("../spots/SaveSpotPanel").then((m) => ({ default: m.SaveSpotPanel })));

const ACTIVE = new Set(["queued", "running"]);
const DEFAULT_TARGET = 0.5;

/** A job, live: loaded, then followed over Server-Sent Events while it runs, then loaded again for its result. */
function useLiveJob(id: string) {
  const [job, setJob] = useState<JobDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    (async () => {
      const first = await getJob(id, abort.signal);
      setJob(first);
      if (!ACTIVE.has(first.status)) return;
      await followJob(id, setJob, abort.signal);
      if (!abort.signal.aborted) setJob(await getJob(id, abort.signal));
    })().catch((e: unknown) => {
      if (!isAbort(e)) setError(e);
    });
    return () => abort.abort();
  }, [id, attempt]);

  return { job, setJob, error, retry: useCallback(() => setAttempt((a) => a + 1), []) };
}

/** Only well-formed progress is drawn (a job from an older server may carry none). */
export function readDetail(detail: unknown): SolveDetail | null {
  if (typeof detail !== "object" || detail === null) return null;
  const d = detail as Partial<SolveDetail>;
  if (typeof d.iterations !== "number") return null;
  return {
    iterations: d.iterations,
    exploitabilityPctPot: typeof d.exploitabilityPctPot === "number" ? d.exploitabilityPctPot : null,
    elapsedMs: typeof d.elapsedMs === "number" ? d.elapsedMs : 0,
    history: Array.isArray(d.history) ? d.history.filter((p) => typeof p?.iterations === "number" && typeof p.exploitabilityPctPot === "number") : [],
  };
}

/** The Solver page for `?job=ID`: progress while solving, then the solution at `?node=PATH`. */
export function JobView({ jobId, node }: { jobId: string; node: string }) {
  const session = useAuth();
  const location = useLocation();
  if (session.status === "unknown") return <p className="page-loading muted">Loading…</p>;
  if (session.status === "signedOut") {
    return (
      <div className="page narrow">
        <h1>Solver</h1>
        <p>
          A solution belongs to the account that solved it.{" "}
          <Link to="/signin" state={{ from: location.pathname + location.search }}>Sign in</Link> to see it.
        </p>
      </div>
    );
  }
  return <SignedInJobView jobId={jobId} node={node} />;
}

function SignedInJobView({ jobId, node }: { jobId: string; node: string }) {
  const { job, setJob, error, retry } = useLiveJob(jobId);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const navigate = useNavigate();

  useEffect(() => {
    document.title = "Solver — PLOSolver";
  }, []);

  if (error && !job) {
    return (
      <div className="page">
        <h1>Solver</h1>
        {error instanceof ApiError && error.status === 404 ? (
          <p>
            There is no such job on your account (it may have been deleted). <Link to="/solver">Set up a new solve</Link>.
          </p>
        ) : (
          <ErrorNotice error={error} what="Loading the job" onRetry={retry} />
        )}
      </div>
    );
  }
  if (!job) return <p className="page-loading muted">Loading…</p>;
  if (job.type !== "solve") {
    return (
      <div className="page">
        <h1>Solver</h1>
        <p>This job is not a solve. <Link to="/jobs">See your jobs</Link>.</p>
      </div>
    );
  }

  const input = job.input as SolveSpot;
  const setup = fromSpot(input);
  const detail = readDetail(job.detail);
  const active = ACTIVE.has(job.status);
  const result = job.status === "succeeded" ? (job.result as SolveResult | null) : null;
  const target = input.targetExploitabilityPctPot ?? DEFAULT_TARGET;
  const cancel = async () => {
    setCancelError(null);
    try {
      setJob(await cancelJob(job.id));
    } catch (e) {
      setCancelError(e);
    }
  };
  const statusText = job.cancelRequested && active ? "cancelling" : job.status === "running" ? "solving" : job.status;

  return (
    <div className="solver-job">
      <div className="job-title">
        <h1>Solver</h1>
        <span className={`status ${job.status}`}>{statusText}</span>
      </div>
      <p className="spot-summary">{setupSummary(setup)}</p>
      <p className="ranges small">
        <span>OOP <code>{input.oopRange}</code></span> <span>IP <code>{input.ipRange}</code></span>
      </p>
      <div className="actions">
        <button type="button" onClick={() => navigate(`/solver?${encodeSetup(setup)}`)}>
          Edit setup
        </button>
        <button type="button" onClick={() => setSaving((s) => !s)} aria-expanded={saving}>
          Save spot…
        </button>
        {active && (
          <button type="button" className="danger" onClick={() => void cancel()} disabled={job.cancelRequested}>
            Cancel
          </button>
        )}
      </div>
      {saving && (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <SaveSpotPanel kind="solver" data={(notes) => toSolverSpotData(input, job.id, notes)} onClose={() => setSaving(false)} />
        </Suspense>
      )}
      {cancelError != null && <ErrorNotice error={cancelError} what="Cancelling" />}
      {error != null && <ErrorNotice error={error} what="Following the job" onRetry={retry} />}

      <section className="panel solve-progress" aria-labelledby="progress-title">
        <h2 id="progress-title">{result ? "Solved" : active ? "Solving" : "Progress"}</h2>
        <p className="visually-hidden" role="status">{statusText}</p>
        <dl className="progress-facts">
          <div><dt>Iterations</dt><dd className="num">{(result?.iterations ?? detail?.iterations ?? 0).toLocaleString("en-US")}</dd></div>
          <div>
            <dt>Exploitability (% of pot)</dt>
            <dd className="num">{fmtExpl(result?.exploitabilityPctPot ?? detail?.exploitabilityPctPot ?? null)}</dd>
          </div>
          <div><dt>Elapsed</dt><dd className="num">{duration(result?.elapsedMs ?? detail?.elapsedMs ?? 0)}</dd></div>
          <div><dt>Target</dt><dd className="num">{pctLabel(target)}</dd></div>
        </dl>
        <progress value={job.status === "succeeded" ? 1 : job.progress} max={1} aria-label="Solve progress" />
        <ExploitabilityChart history={detail?.history ?? []} target={target} />
        {job.status === "failed" && <p className="notice error" role="alert">{job.error ?? "The solve failed."}</p>}
        {job.status === "cancelled" && <p className="notice">Cancelled. Edit the setup to solve it again.</p>}
      </section>

      {result && (
        <>
          <ResultFacts result={result} />
          <NodeView jobId={job.id} path={node} linkTo={(p) => solverJobUrl(job.id, p)} />
        </>
      )}
    </div>
  );
}

const fmtExpl = (v: number | null) => (v == null ? "–" : `${v < 0.01 ? v.toFixed(4) : v.toFixed(3)}%`);

function ResultFacts({ result }: { result: SolveResult }) {
  return (
    <dl className="result-facts panel">
      <div><dt>Board</dt><dd><CardsText text={result.board} /></dd></div>
      <div><dt>OOP EV</dt><dd className="num">{result.oopEv.toFixed(2)}</dd></div>
      <div><dt>IP EV</dt><dd className="num">{result.ipEv.toFixed(2)}</dd></div>
      <div><dt>Exploitability</dt><dd className="num">{result.exploitabilityChips.toFixed(3)} chips</dd></div>
      <div><dt>Peak memory</dt><dd className="num">{bytes(result.peakMemoryBytes)}</dd></div>
      <div><dt>Threads</dt><dd className="num">{result.threads}</dd></div>
    </dl>
  );
}
