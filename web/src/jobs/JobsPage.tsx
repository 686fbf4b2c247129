import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isAbort } from "../api/client";
import { cancelJob, followJob, listJobs } from "../api/endpoints";
import type { EquityInput, EquityResult, JobDto, SolveSpot } from "../api/types";
import { encodeState, fromEquityInput } from "../equity/state";
import { Results } from "../equity/Results";
import { spotSummary } from "../spots/summary";
import { setOpenSpot } from "../spots/spotData";
import { ErrorNotice } from "../ui/ErrorNotice";
import { fromSpot, setupSummary } from "../solver/setup";
import { solverJobUrl } from "../solver/path";

const ACTIVE = new Set(["queued", "running"]);

export default function JobsPage() {
  const jobs = useQuery({ queryKey: ["jobs"], queryFn: () => listJobs() });
  useEffect(() => {
    document.title = "Jobs — PLOSolver";
  }, []);
  return (
    <div className="page">
      <h1>Jobs</h1>
      <p className="muted">
        Long calculations run in the background with every core and higher limits. Start one from the <Link to="/">calculator</Link> with “Run as job”,
        or a solve from the <Link to="/solver">Solver</Link>.
      </p>
      {jobs.error && <ErrorNotice error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.isPending && <p className="muted">Loading…</p>}
      {jobs.data && jobs.data.items.length === 0 && <p className="placeholder">No jobs yet.</p>}
      {jobs.data && jobs.data.items.length > 0 && (
        <ul className="job-list">
          {jobs.data.items.map((job) => (
            <JobItem key={job.id} initial={job} />
          ))}
        </ul>
      )}
    </div>
  );
}

function JobItem({ initial }: { initial: JobDto }) {
  const [job, setJob] = useState(initial);
  const [streamError, setStreamError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [showResult, setShowResult] = useState(false);
  const queries = useQueryClient();
  const navigate = useNavigate();
  const active = ACTIVE.has(job.status);

  useEffect(() => setJob(initial), [initial]);

  // Live progress while the job is unfinished: the server sends `progress` events, then one `done`.
  useEffect(() => {
    if (!ACTIVE.has(initial.status)) return;
    const abort = new AbortController();
    setStreamError(null);
    followJob(initial.id, setJob, abort.signal).then(
      () => void queries.invalidateQueries({ queryKey: ["jobs"] }),
      (e: unknown) => {
        if (!isAbort(e)) setStreamError(e);
      },
    );
    return () => abort.abort();
  }, [initial.id, initial.status, attempt, queries]);

  const cancel = useMutation({ mutationFn: () => cancelJob(job.id), onSuccess: (j) => setJob(j) });
  const input = job.input as EquityInput;
  const state = job.type === "equity" ? fromEquityInput(input) : null;
  const result = job.status === "succeeded" && job.type === "equity" ? (job.result as EquityResult | null) : null;
  const solve = job.type === "solve" ? fromSpot(job.input as SolveSpot) : null;

  return (
    <li className="job panel">
      <div className="job-head">
        <span className={`status ${job.status}`}>{job.cancelRequested && active ? "cancelling" : job.status}</span>
        <strong>{job.type === "equity" ? "Equity" : job.type === "solve" ? "Solve" : job.type}</strong>
        <span className="muted small">{new Date(job.createdAt).toLocaleString()}</span>
      </div>
      {state && <p className="spot-summary">{spotSummary(state)}: {state.players.map((p) => p.text).join(" vs ")}</p>}
      {solve && <p className="spot-summary">{setupSummary(solve)}: {solve.oopRange} vs {solve.ipRange}</p>}
      <div className="job-progress">
        <progress value={job.status === "succeeded" ? 1 : job.progress} max={1} aria-label={`Job progress`} />
        <span className="num">{Math.round((job.status === "succeeded" ? 1 : job.progress) * 100)}%</span>
      </div>
      {job.error && <p className="field-msg error">{job.error}</p>}
      {streamError != null && <ErrorNotice error={streamError} what="Following the job" onRetry={() => setAttempt((a) => a + 1)} />}
      {cancel.error && <ErrorNotice error={cancel.error} />}
      <div className="actions">
        {active && (
          <button type="button" className="small" onClick={() => cancel.mutate()} disabled={cancel.isPending || job.cancelRequested}>
            Cancel
          </button>
        )}
        {result && (
          <button type="button" className="small primary" onClick={() => setShowResult((s) => !s)} aria-expanded={showResult}>
            {showResult ? "Hide result" : "Open result"}
          </button>
        )}
        {solve && (job.status === "succeeded" || active) && (
          <Link className="button-link small primary" to={solverJobUrl(job.id)}>
            {active ? "Watch in the Solver" : "Open result"}
          </Link>
        )}
        {state && (
          <button
            type="button"
            className="small"
            onClick={() => {
              setOpenSpot(null); // a job's input is not a saved spot: saving it makes a new one
              navigate(`/?${encodeState(state)}`);
            }}
          >
            Open in calculator
          </button>
        )}
      </div>
      {showResult && result && state && <Results result={result} labels={state.players.map((_, i) => `Player ${i + 1}`)} hiLo={state.hiLo} />}
    </li>
  );
}
