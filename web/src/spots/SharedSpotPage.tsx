import { useEffect, useMemo } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import { getSharedSpot } from "../api/endpoints";
import { encodeState, isComplete, toEquityInput } from "../equity/state";
import { useEquity } from "../equity/useEquity";
import { Results } from "../equity/Results";
import { RunningNotice } from "../equity/RunningNotice";
import { ErrorNotice } from "../ui/ErrorNotice";
import { encodeSetup, formatSizes, fromSpot, setupSummary, streetsFor } from "../solver/setup";
import type { ReadSpot } from "./spotData";
import { readSpotData, setOpenSpot } from "./spotData";
import { spotSummary } from "./summary";

/** A shared spot, read-only for anyone with the link: the inputs, the notes and a fresh calculation. */
export default function SharedSpotPage() {
  const { slug = "" } = useParams();
  const navigate = useNavigate();
  const shared = useQuery({ queryKey: ["shared", slug], queryFn: () => getSharedSpot(slug) });
  const read = useMemo(() => (shared.data ? readSpotData(shared.data.data) : null), [shared.data]);
  const parsed = read?.kind === "equity" ? read : null;
  const input = useMemo(() => (parsed && isComplete(parsed.state) ? toEquityInput(parsed.state) : null), [parsed]);
  const run = useEquity(input, 0);

  useEffect(() => {
    document.title = shared.data ? `${shared.data.name} — PLOSolver` : "Shared spot — PLOSolver";
  }, [shared.data]);

  if (shared.isPending) return <p className="page-loading muted">Loading…</p>;
  if (shared.error) {
    return (
      <div className="page narrow">
        <h1>Shared spot</h1>
        {shared.error instanceof ApiError && shared.error.status === 404 ? (
          <p>This link does not lead to a spot: it may have been unshared or deleted. <Link to="/">Open the calculator</Link>.</p>
        ) : (
          <ErrorNotice error={shared.error} onRetry={() => void shared.refetch()} />
        )}
      </div>
    );
  }
  const spot = shared.data;
  const openInCalculator = () => {
    if (!parsed) return;
    setOpenSpot(null); // a copy: saving it makes the visitor's own spot
    navigate(`/?${encodeState(parsed.state)}`);
  };

  if (read?.kind === "solver") return <SharedSolverSpot name={spot.name} tags={spot.tags} spot={read} />;

  return (
    <div className="page shared">
      <p className="muted small">Shared spot · read-only</p>
      <h1>{spot.name}</h1>
      {parsed ? (
        <>
          <p className="spot-summary">{spotSummary(parsed.state)}</p>
          {parsed.notes && <p className="spot-notes">{parsed.notes}</p>}
          {spot.tags.length > 0 && (
            <ul className="tags" aria-label="Tags">
              {spot.tags.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          )}
          <dl className="readonly-inputs">
            {parsed.state.players.map((p, i) => (
              <div key={i}>
                <dt>Player {i + 1} ({p.kind})</dt>
                <dd><code>{p.text}</code></dd>
              </div>
            ))}
            {parsed.state.boards.map((b, i) => (
              <div key={`b${i}`}>
                <dt>{parsed.state.boards.length > 1 ? `Board ${i + 1}` : "Board"}</dt>
                <dd><code>{b || "preflop"}</code></dd>
              </div>
            ))}
            {parsed.state.dead && (
              <div>
                <dt>Dead</dt>
                <dd><code>{parsed.state.dead}</code></dd>
              </div>
            )}
          </dl>
          <div className="actions">
            <button type="button" className="primary" onClick={openInCalculator}>
              Open a copy in the calculator
            </button>
          </div>
          <section className="results-panel" aria-labelledby="shared-results" aria-live="polite">
            <h2 id="shared-results">Results</h2>
            <RunningNotice running={run.running} startedAt={run.startedAt} onCancel={run.cancel} />
            {run.error != null && <ErrorNotice error={run.error} onRetry={run.retry} />}
            {run.result && <Results result={run.result} labels={parsed.state.players.map((_, i) => `Player ${i + 1}`)} hiLo={parsed.state.hiLo} />}
          </section>
        </>
      ) : (
        <p>This spot was saved in a form this version of the app cannot show.</p>
      )}
    </div>
  );
}

/** A shared solver spot: the setup, read-only (the solution is its owner's), and a copy to solve. */
function SharedSolverSpot({ name, tags, spot }: { name: string; tags: string[]; spot: Extract<ReadSpot, { kind: "solver" }> }) {
  const navigate = useNavigate();
  const { input } = spot;
  const setup = fromSpot(input);
  const openCopy = () => {
    setOpenSpot(null);
    navigate(`/solver?${encodeSetup(setup)}`);
  };
  return (
    <div className="page shared">
      <p className="muted small">Shared solver spot · read-only</p>
      <h1>{name}</h1>
      <p className="spot-summary">{setupSummary(setup)}</p>
      {spot.notes && <p className="spot-notes">{spot.notes}</p>}
      {tags.length > 0 && (
        <ul className="tags" aria-label="Tags">
          {tags.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      <dl className="readonly-inputs">
        <div><dt>OOP range</dt><dd><code>{input.oopRange}</code></dd></div>
        <div><dt>IP range</dt><dd><code>{input.ipRange}</code></dd></div>
        <div><dt>Board</dt><dd><code>{input.board}</code></dd></div>
        {streetsFor(input.board).map((street) => {
          const s = input[street];
          return (
            <div key={street}>
              <dt>{street.charAt(0).toUpperCase() + street.slice(1)}</dt>
              <dd>{s ? `bets ${formatSizes(s.bets) || "none"} · raises ${formatSizes(s.raises) || "none"} (% pot) · up to ${s.maxRaises}${s.allIn ? " · all-in" : ""}` : "checked through"}</dd>
            </div>
          );
        })}
      </dl>
      <div className="actions">
        <button type="button" className="primary" onClick={openCopy}>
          Open a copy in the Solver
        </button>
      </div>
    </div>
  );
}
