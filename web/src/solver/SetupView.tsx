import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError, NetworkError } from "../api/client";
import { submitSolveJob } from "../api/endpoints";
import { useAuth } from "../auth/useAuth";
import { cardsText, parseCards, type Card } from "../cards/cards";
import { CardPicker } from "../equity/CardPicker";
import { FieldMessage } from "../equity/FieldMessage";
import { getOpenSpot, setOpenSpot, toSolverSpotData } from "../spots/spotData";
import { ErrorNotice } from "../ui/ErrorNotice";
import { bytes, seconds } from "./format";
import { solverJobUrl } from "./path";
import { RangeField } from "./RangeField";
import {
  checkSetup, DEFAULT_SETUP, encodeSetup, initialSetup, saveSetupToSession, setupFieldErrors, SOLVER_GAMES, streetField, streetsFor,
  type SetupErrors, type SolverSetup, type Street, type StreetState,
} from "./setup";
import { useEstimate, type EstimateState } from "./useEstimate";

const SaveSpotPanel = lazy(() => import("../spots/SaveSpotPanel").then((m) => ({ default: m.SaveSpotPanel })));

/** The setup kept in the address bar (replaced in place, as the calculator does) and in sessionStorage. */
function useSetupState() {
  const [setup, setSetup] = useState<SolverSetup>(() => initialSetup(new URLSearchParams(window.location.search)));
  useEffect(() => {
    saveSetupToSession(setup);
    const url = `${window.location.pathname}?${encodeSetup(setup).toString()}`;
    if (url !== window.location.pathname + window.location.search) window.history.replaceState(window.history.state, "", url);
  }, [setup]);
  return [setup, setSetup] as const;
}

const STREET_LABEL: Record<Street, string> = { flop: "Flop", turn: "Turn", river: "River" };

/** The form: the spot, its live tree estimate, and Solve. */
export function SetupView() {
  const [setup, setSetup] = useSetupState();
  const [submitted, setSubmitted] = useState<{ key: string; error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const [saving, setSaving] = useState(false);
  const session = useAuth();
  const navigate = useNavigate();

  const { spot, errors: clientErrors } = useMemo(() => checkSetup(setup), [setup]);
  const estimate = useEstimate(spot);
  const setupKey = JSON.stringify(setup);

  // Server errors by field: the solve request's (until the setup changes), else the estimate's.
  const submitError = submitted && submitted.key === setupKey ? submitted.error : null;
  const estimateErrors = estimate.error instanceof ApiError && estimate.error.status === 422 ? setupFieldErrors(estimate.error.problem.errors) : {};
  // The estimate's word on the spot as a whole (too big) belongs in its panel; a solve request's above Solve.
  const { "": estimateWhole, ...estimateFields } = estimateErrors;
  const serverErrors: SetupErrors = {
    ...estimateFields,
    ...(submitError instanceof ApiError && submitError.status === 422 ? setupFieldErrors(submitError.problem.errors) : {}),
  };
  const errorFor = (field: string) => clientErrors[field] ?? serverErrors[field];
  const shownFields = new Set(["game", "board", "oopRange", "ipRange", "pot", "effectiveStack", "targetExploitabilityPctPot", "timeLimitSeconds",
    ...streetsFor(setup.board).flatMap((s) => (["bets", "raises", "maxRaises", "allIn"] as const).map((p) => streetField(s, p))), "flop", "turn", "river"]);
  const otherErrors = Object.entries(serverErrors).filter(([f]) => !shownFields.has(f));

  const update = (patch: Partial<SolverSetup>) => setSetup((s) => ({ ...s, ...patch }));
  const setStreet = (street: Street, patch: Partial<StreetState>) => setSetup((s) => ({ ...s, [street]: { ...s[street], ...patch } }));

  const board = parseCards(setup.board);
  const boardCards = board.ok ? board.cards : [];
  const rangeBoard = board.ok && boardCards.length >= 3 && boardCards.length <= 5 ? cardsText(boardCards) : "";
  const used = new Map<Card, string>(boardCards.map((c) => [c, "board"]));
  const pick = (card: Card) => {
    if (!board.ok) return;
    update({ board: cardsText(boardCards.includes(card) ? boardCards.filter((c) => c !== card) : [...boardCards, card]) });
  };

  const signedIn = session.status === "signedIn";
  const tooBig = estimate.current && estimate.value && !estimate.value.fits;
  const solve = async () => {
    if (!spot) return;
    setBusy(true);
    setSubmitted(null);
    try {
      const job = await submitSolveJob(spot);
      navigate(solverJobUrl(job.id));
    } catch (e) {
      setSubmitted({ key: setupKey, error: e });
      setBusy(false);
    }
  };

  useEffect(() => {
    document.title = "Solver — PLOSolver";
  }, []);

  const streets = streetsFor(setup.board);
  const n = boardCards.length;

  return (
    <div className="solver-page">
      <section className="solver-setup" aria-labelledby="solver-title">
        <h1 id="solver-title">Solver</h1>
        <p className="muted intro">Heads-up postflop: two ranges, a board and the bet sizes; the solver finds the equilibrium strategy.</p>
        <div className="settings">
          <div className="segmented" role="radiogroup" aria-label="Game">
            {SOLVER_GAMES.map((g) => (
              <label key={g}>
                <input type="radio" name="solver-game" value={g} checked={setup.game === g} onChange={() => update({ game: g })} />
                <span>{g.toUpperCase()}</span>
              </label>
            ))}
          </div>
        </div>
        {serverErrors.game && <p className="field-msg error" role="alert">{serverErrors.game}</p>}

        <div className="field">
          <label htmlFor="solver-board">Board</label>
          <input
            id="solver-board"
            className="cards-input"
            value={setup.board}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            placeholder="Kh9s6d4c2h"
            aria-invalid={errorFor("board") ? true : undefined}
            aria-describedby="solver-board-msg"
            onChange={(e) => update({ board: e.target.value })}
          />
          <FieldMessage
            id="solver-board-msg"
            error={errorFor("board")}
            position={board.ok ? undefined : board.error.position}
            text={setup.board}
            hint={n === 3 ? "flop" : n === 4 ? "turn" : n === 5 ? "river" : "3, 4 or 5 cards: the spot starts on the flop, turn or river"}
          />
        </div>

        <div className="two-col">
          <RangeField id="solver-oop" label="OOP range" value={setup.oopRange} game={setup.game} board={rangeBoard} error={errorFor("oopRange")}
            placeholder="66,44,K9:ds" onChange={(oopRange) => update({ oopRange })} />
          <RangeField id="solver-ip" label="IP range" value={setup.ipRange} game={setup.game} board={rangeBoard} error={errorFor("ipRange")}
            placeholder="KK,99,AK:ds" onChange={(ipRange) => update({ ipRange })} />
        </div>

        <div className="num-fields">
          <NumberField id="solver-pot" label="Pot" value={setup.pot} error={errorFor("pot")} hint="chips in the middle" onChange={(pot) => update({ pot })} />
          <NumberField id="solver-stack" label="Effective stack" value={setup.stack} error={errorFor("effectiveStack")} hint="the smaller stack behind" onChange={(stack) => update({ stack })} />
        </div>

        {streets.map((street) => (
          <StreetFields key={street} street={street} value={setup[street]} errorFor={errorFor} onChange={(patch) => setStreet(street, patch)} />
        ))}

        <div className="num-fields">
          <NumberField id="solver-target" label="Target exploitability (% of pot)" value={setup.target} error={errorFor("targetExploitabilityPctPot")}
            hint="stop when this close to the equilibrium" onChange={(target) => update({ target })} />
          <NumberField id="solver-time" label="Time limit (seconds)" value={setup.timeLimit} error={errorFor("timeLimitSeconds")}
            hint="stop here at the latest" integer onChange={(timeLimit) => update({ timeLimit })} />
        </div>
      </section>

      <section className="solver-side" aria-label="Estimate and actions">
        <EstimatePanel estimate={estimate} whole={estimateWhole} spotReady={spot !== null} hasErrors={Object.keys(clientErrors).length > 0} setupTimeLimit={Number(setup.timeLimit)} />
        {otherErrors.length > 0 && (
          <div className="notice error" role="alert">
            <ul className="plain">
              {otherErrors.map(([field, message]) => (
                <li key={field}>{field ? `${field}: ${message}` : message}</li>
              ))}
            </ul>
          </div>
        )}
        {submitError != null && !(submitError instanceof ApiError && submitError.status === 422) && (
          <ErrorNotice error={submitError} what="Starting the solve" onRetry={() => void solve()} />
        )}
        <div className="actions">
          {signedIn ? (
            <button type="button" className="primary" disabled={!spot || busy || tooBig === true} onClick={() => void solve()}>
              {busy ? "Starting…" : "Solve"}
            </button>
          ) : session.status === "signedOut" ? (
            <p className="notice sign-in-prompt">
              <span>Solving runs as a background job on your account.</span>
              <Link className="button-link primary small" to="/signin" state={{ from: `/solver?${encodeSetup(setup)}` }}>
                Sign in to solve
              </Link>
              <Link to="/register" state={{ from: `/solver?${encodeSetup(setup)}` }}>
                Create an account
              </Link>
            </p>
          ) : null}
          {signedIn && (
            <button type="button" onClick={() => setSaving((s) => !s)} aria-expanded={saving} disabled={!spot}>
              Save spot…
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              if (getOpenSpot("solver")) setOpenSpot(null); // a new setup is no longer the saved spot (an equity one stays open)
              setSetup(DEFAULT_SETUP);
            }}
          >
            Reset
          </button>
        </div>
        {saving && signedIn && spot && (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <SaveSpotPanel kind="solver" data={(notes) => toSolverSpotData(spot, null, notes)} onClose={() => setSaving(false)} />
          </Suspense>
        )}
        <CardPicker used={used} target={{ field: "board", label: "Board", full: n >= 5, unreadable: !board.ok }} onPick={pick} />
      </section>
    </div>
  );
}

function NumberField({ id, label, value, error, hint, integer, onChange }: {
  id: string; label: string; value: string; error?: string; hint: string; integer?: boolean; onChange: (v: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        inputMode={integer ? "numeric" : "decimal"}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-msg`}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessage id={`${id}-msg`} error={error} hint={hint} />
    </div>
  );
}

function StreetFields({ street, value, errorFor, onChange }: {
  street: Street; value: StreetState; errorFor: (field: string) => string | undefined; onChange: (patch: Partial<StreetState>) => void;
}) {
  const id = `solver-${street}`;
  const label = STREET_LABEL[street];
  const streetError = errorFor(street);
  return (
    <fieldset className="street">
      <legend>{label} betting</legend>
      <div className="street-grid">
        <div className="field">
          <label htmlFor={`${id}-bets`}>{label} bets (% of pot)</label>
          <input id={`${id}-bets`} value={value.bets} placeholder="33, 75" autoComplete="off" aria-invalid={errorFor(streetField(street, "bets")) ? true : undefined}
            aria-describedby={`${id}-bets-msg`} onChange={(e) => onChange({ bets: e.target.value })} />
          <FieldMessage id={`${id}-bets-msg`} error={errorFor(streetField(street, "bets"))} hint="comma separated; empty: checked through" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-raises`}>{label} raises (% of pot)</label>
          <input id={`${id}-raises`} value={value.raises} placeholder="100" autoComplete="off" aria-invalid={errorFor(streetField(street, "raises")) ? true : undefined}
            aria-describedby={`${id}-raises-msg`} onChange={(e) => onChange({ raises: e.target.value })} />
          <FieldMessage id={`${id}-raises-msg`} error={errorFor(streetField(street, "raises"))} hint="of the pot after calling" />
        </div>
        <div className="field narrow">
          <label htmlFor={`${id}-max`}>{label} max raises</label>
          <input id={`${id}-max`} value={value.maxRaises} inputMode="numeric" autoComplete="off" aria-invalid={errorFor(streetField(street, "maxRaises")) ? true : undefined}
            aria-describedby={`${id}-max-msg`} onChange={(e) => onChange({ maxRaises: e.target.value })} />
          <FieldMessage id={`${id}-max-msg`} error={errorFor(streetField(street, "maxRaises"))} hint="after the first bet" />
        </div>
        <label className="check">
          <input type="checkbox" checked={value.allIn} onChange={(e) => onChange({ allIn: e.target.checked })} />
          {label} all-in
        </label>
      </div>
      {(streetError || errorFor(streetField(street, "allIn"))) && (
        <p className="field-msg error" role="alert">{streetError ?? errorFor(streetField(street, "allIn"))}</p>
      )}
    </fieldset>
  );
}

function EstimatePanel({ estimate, whole, spotReady, hasErrors, setupTimeLimit }: {
  estimate: EstimateState; whole?: string; spotReady: boolean; hasErrors: boolean; setupTimeLimit: number;
}) {
  const { value, current, error } = estimate;
  let body: React.ReactNode;
  if (!spotReady) {
    body = <p className="muted">{hasErrors ? "Correct the marked fields to see the size of the tree." : "Fill in the board, both ranges, the pot and the stack to see the size of the tree."}</p>;
  } else if (error instanceof ApiError && error.status === 422) {
    body = whole
      ? <p className="notice error" role="alert">{whole}</p>
      : <p className="muted">The server cannot build this tree: see the marked fields.</p>;
  } else if (error instanceof NetworkError) {
    body = <p className="muted">Cannot reach the server to estimate this spot.</p>;
  } else if (error != null && !value) {
    body = <ErrorNotice error={error} what="The estimate" />;
  } else if (!value) {
    body = <p className="muted">Estimating…</p>;
  } else {
    const perIteration = value.secondsPerIteration;
    body = (
      <div className={current ? undefined : "stale"}>
        <dl className="estimate-facts">
          <div><dt>Decision nodes</dt><dd className="num">{value.decisionNodes.toLocaleString("en-US")}</dd></div>
          <div><dt>Hands</dt><dd className="num">{value.oopHands.toLocaleString("en-US")} OOP · {value.ipHands.toLocaleString("en-US")} IP</dd></div>
          <div><dt>Memory</dt><dd className="num">{bytes(value.memoryBytes)} <span className="muted small">of {bytes(value.maxMemoryBytes)}</span></dd></div>
          <div className="wide">
            <dt>Time</dt>
            <dd className="num">
              {seconds(perIteration)} per iteration
              <span className="muted small"> · 100 iterations ≈ {seconds(perIteration * 100)}{setupTimeLimit > 0 ? `; stops at ${seconds(setupTimeLimit)}` : ""}</span>
            </dd>
          </div>
        </dl>
        {!value.fits && (
          <p className="notice error" role="alert">
            {value.message ?? "This spot is too big for the server: use fewer sizes or raises, narrower ranges, or start on a later street."}
          </p>
        )}
      </div>
    );
  }
  return (
    <section className="estimate panel" aria-labelledby="estimate-title" aria-live="polite">
      <h2 id="estimate-title">Tree estimate</h2>
      {body}
    </section>
  );
}
