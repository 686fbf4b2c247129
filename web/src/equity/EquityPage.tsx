import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { ApiError, NetworkError } from "../api/client";
import { submitEquityJob } from "../api/endpoints";
import { cardsText, parseCards, type Card } from "../cards/cards";
import { useAuth } from "../auth/useAuth";
import { ErrorNotice } from "../ui/ErrorNotice";
import { CardPicker } from "./CardPicker";
import { FieldMessage } from "./FieldMessage";
import { PlayerRow } from "./PlayerRow";
import { Results } from "./Results";
import { RunningNotice } from "./RunningNotice";
import {
  boardField, checkCards, DEFAULT_STATE, fieldLabel, GAMES, HOLE_CARDS, isComplete, MAX_PLAYERS, MIN_PLAYERS, playerField,
  toEquityInput, type CalculatorState, type Mode, type PlayerState,
} from "./state";
import { useCalculatorState } from "./useCalculatorState";
import { useEquity } from "./useEquity";
import { setOpenSpot, toSpotData } from "../spots/spotData";

// Only signed-in users save spots: keep that code out of the calculator's first load.
const SaveSpotPanel = lazy(() => import("../spots/SaveSpotPanel").then((m) => ({ default: m.SaveSpotPanel })));

/** The server error keys that have a field on the page to sit next to. */
const FIELDS_SHOWN = (state: CalculatorState) => [
  ...state.players.flatMap((_, i) => [`players[${i}].hand`, `players[${i}].range`, `players[${i}]`]),
  ...state.boards.map((_, b) => boardField(b)),
  "dead",
];

export default function EquityPage() {
  const [state, setState] = useCalculatorState();
  const [target, setTarget] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [jobError, setJobError] = useState<unknown>(null);
  const hiddenBoard2 = useRef("");
  const session = useAuth();
  const navigate = useNavigate();

  const { errors: cardErrors, used } = useMemo(() => checkCards(state), [state]);
  const ready = isComplete(state) && Object.keys(cardErrors).length === 0;
  const input = useMemo(() => (ready ? toEquityInput(state) : null), [ready, state]);
  const run = useEquity(input);

  // Server validation errors belong to the fields they name; the rest are shown with the results.
  const serverErrors: Record<string, string> = {};
  if (run.error instanceof ApiError) {
    for (const [field, messages] of Object.entries(run.error.problem.errors ?? {})) serverErrors[field] = messages.join("; ");
  }
  const shown = new Set(FIELDS_SHOWN(state));
  const otherErrors = Object.entries(serverErrors).filter(([f]) => !shown.has(f));
  const errorFor = (...fields: string[]) => {
    for (const f of fields) if (cardErrors[f] ?? serverErrors[f]) return cardErrors[f] ?? serverErrors[f];
    return undefined;
  };

  const update = (patch: Partial<CalculatorState>) => setState((s) => ({ ...s, ...patch }));
  const setPlayer = (i: number, p: PlayerState) => setState((s) => ({ ...s, players: s.players.map((q, j) => (j === i ? p : q)) }));
  const setBoard = (b: number, text: string) => setState((s) => ({ ...s, boards: s.boards.map((t, j) => (j === b ? text : t)) }));

  // The picker's target: a hand, board or dead field. Ranges take no picked cards.
  const targets = useMemo(() => {
    const list: { field: string; label: string; text: string; max: number }[] = [];
    state.players.forEach((p, i) => {
      if (p.kind === "hand") list.push({ field: playerField(i, p), label: `Player ${i + 1}`, text: p.text, max: HOLE_CARDS[state.game] });
    });
    state.boards.forEach((b, i) => list.push({ field: boardField(i), label: state.boards.length > 1 ? `Board ${i + 1}` : "Board", text: b, max: 5 }));
    list.push({ field: "dead", label: "Dead cards", text: state.dead, max: 52 });
    return list;
  }, [state]);
  const fill = (t: { text: string }) => {
    const parsed = parseCards(t.text);
    return parsed.ok ? parsed.cards.length : 0;
  };
  // Until a field is chosen, pick into the first one that still needs cards.
  const active = targets.find((t) => t.field === target) ?? targets.find((t) => fill(t) < t.max) ?? targets[0] ?? null;
  const activeCards = active ? parseCards(active.text) : null;

  const pick = (card: Card) => {
    if (!active || !activeCards?.ok) return;
    const cards = activeCards.cards.includes(card) ? activeCards.cards.filter((c) => c !== card) : [...activeCards.cards, card];
    const text = cardsText(cards);
    const player = /^players\[(\d+)\]/.exec(active.field);
    if (player) setPlayer(Number(player[1]), { kind: "hand", text });
    else if (active.field === "dead") update({ dead: text });
    else setBoard(Number(/\d/.exec(active.field)![0]), text);
  };

  // Cards for a range's combo count: everything known except the range itself (the first board as board).
  const rangeKnown = (): { board: string; dead: string } => {
    const board: Card[] = [];
    const dead: Card[] = [];
    for (const [card, field] of used) (field === "boards[0]" ? board : dead).push(card);
    return { board: board.length >= 3 ? cardsText(board) : "", dead: cardsText(board.length >= 3 ? dead : [...dead, ...board]) };
  };
  const known = rangeKnown();

  const toggleDouble = (on: boolean) => {
    setState((s) => {
      if (on) return { ...s, boards: [s.boards[0] ?? "", hiddenBoard2.current] };
      hiddenBoard2.current = s.boards[1] ?? "";
      return { ...s, boards: [s.boards[0] ?? ""] };
    });
  };

  const clear = () => {
    setOpenSpot(null);
    setState(DEFAULT_STATE);
    setTarget(null);
  };

  const runAsJob = async () => {
    if (!input) return;
    setJobError(null);
    try {
      await submitEquityJob(input);
      navigate("/jobs");
    } catch (e) {
      setJobError(e);
    }
  };

  useEffect(() => {
    document.title = "PLOSolver — Omaha equity calculator";
  }, []);

  const signedIn = session.status === "signedIn";
  const labels = state.players.map((_, i) => `Player ${i + 1}`);
  // 422: valid, but more work than an interactive request may do; a job may do it.
  const tooMuch = run.error instanceof ApiError && run.error.status === 422;

  return (
    <div className="equity-page">
      <section className="inputs" aria-labelledby="calc-title">
        <h1 id="calc-title">Equity calculator</h1>
        <div className="settings">
          <div className="segmented" role="radiogroup" aria-label="Game">
            {GAMES.map((g) => (
              <label key={g}>
                <input type="radio" name="game" value={g} checked={state.game === g} onChange={() => update({ game: g })} />
                <span>{g.toUpperCase()}</span>
              </label>
            ))}
          </div>
          <label className="check">
            <input type="checkbox" checked={state.hiLo} onChange={(e) => update({ hiLo: e.target.checked })} />
            Hi-lo
          </label>
          <label className="check">
            <input type="checkbox" checked={state.boards.length > 1} onChange={(e) => toggleDouble(e.target.checked)} />
            Double board
          </label>
          <label className="select">
            <span>Method</span>
            <select value={state.mode} onChange={(e) => update({ mode: e.target.value as Mode })}>
              <option value="auto">Auto</option>
              <option value="exact">Exact</option>
              <option value="montecarlo">Monte Carlo</option>
            </select>
          </label>
        </div>
        {(serverErrors.game || serverErrors.mode) && (
          <p className="field-msg error" role="alert">
            {serverErrors.game ?? serverErrors.mode}
          </p>
        )}

        <div className="players">
          {state.players.map((p, i) => (
            <PlayerRow
              key={i}
              index={i}
              player={p}
              game={state.game}
              error={errorFor(playerField(i, p), `players[${i}]`)}
              rangeBoard={known.board}
              rangeDead={known.dead}
              canRemove={state.players.length > MIN_PLAYERS}
              onChange={(q) => setPlayer(i, q)}
              onRemove={() => setState((s) => ({ ...s, players: s.players.filter((_, j) => j !== i) }))}
              onFocusField={() => p.kind === "hand" && setTarget(playerField(i, p))}
            />
          ))}
          {serverErrors.players && (
            <p className="field-msg error" role="alert">
              {serverErrors.players}
            </p>
          )}
          <button
            type="button"
            className="add"
            disabled={state.players.length >= MAX_PLAYERS}
            onClick={() => setState((s) => ({ ...s, players: [...s.players, { kind: "hand", text: "" }] }))}
          >
            + Add player
          </button>
        </div>

        <div className="boards">
          {state.boards.map((b, i) => {
            const field = boardField(i);
            const parsed = parseCards(b);
            const n = parsed.ok ? parsed.cards.length : 0;
            const label = state.boards.length > 1 ? `Board ${i + 1}` : "Board";
            return (
              <div className="field" key={field}>
                <label htmlFor={`board-${i}`}>{label}</label>
                <input
                  id={`board-${i}`}
                  className="cards-input"
                  value={b}
                  spellCheck={false}
                  autoCapitalize="off"
                  autoComplete="off"
                  placeholder={i === 0 ? "Qs7h2d" : "Tc5s5d"}
                  aria-invalid={errorFor(field) ? true : undefined}
                  aria-describedby={`board-${i}-msg`}
                  onFocus={() => setTarget(field)}
                  onChange={(e) => setBoard(i, e.target.value)}
                />
                <FieldMessage
                  id={`board-${i}-msg`}
                  error={errorFor(field)}
                  position={parsed.ok ? undefined : parsed.error.position}
                  text={b}
                  hint={n === 0 ? "empty: preflop" : n === 3 ? "flop" : n === 4 ? "turn" : n === 5 ? "river" : `${n} cards`}
                />
              </div>
            );
          })}
          <div className="field">
            <label htmlFor="dead">Dead cards</label>
            <input
              id="dead"
              className="cards-input"
              value={state.dead}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              placeholder="none"
              aria-invalid={errorFor("dead") ? true : undefined}
              aria-describedby="dead-msg"
              onFocus={() => setTarget("dead")}
              onChange={(e) => update({ dead: e.target.value })}
            />
            <FieldMessage id="dead-msg" error={errorFor("dead")} text={state.dead} hint="cards out of play (folded, burnt)" />
          </div>
        </div>

      </section>

      <section className="results-panel" aria-labelledby="results-title" aria-live="polite">
        <h2 id="results-title">Results</h2>
        <RunningNotice running={run.running} startedAt={run.startedAt} onCancel={run.cancel} />
        {run.cancelled && (
          <div className="notice" role="status">
            <span>Calculation cancelled.</span>
            <button type="button" className="small" onClick={run.retry}>
              Calculate again
            </button>
          </div>
        )}
        {run.error instanceof NetworkError && <ErrorNotice error={run.error} onRetry={run.retry} />}
        {run.error instanceof ApiError && !run.error.problem.errors && <ErrorNotice error={run.error} onRetry={run.retry} />}
        {otherErrors.length > 0 && (
          <div className="notice error" role="alert">
            <ul className="plain">
              {otherErrors.map(([field, message]) => (
                <li key={field}>
                  {fieldLabel(field)}: {message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {tooMuch && signedIn && (
          <p className="notice">
            <span>This needs more time than an interactive request may take.</span>
            <button type="button" className="small" onClick={() => void runAsJob()}>
              Run as a job
            </button>
          </p>
        )}
        {tooMuch && !signedIn && <p className="muted">Signed-in users get larger limits and background jobs.</p>}
        {run.result ? (
          <Results result={run.result} labels={labels} hiLo={state.hiLo} stale={!run.current} />
        ) : (
          <p className="placeholder">{ready ? "Calculating…" : `Enter ${HOLE_CARDS[state.game]}-card hands or ranges for every player to see their equity.`}</p>
        )}
      </section>

      <section className="tools" aria-label="Card picker and actions">
        <CardPicker
          used={used}
          target={active ? { field: active.field, label: active.label, full: fill(active) >= active.max, unreadable: !activeCards?.ok } : null}
          onPick={pick}
        />

        <div className="actions">
          <button type="button" onClick={clear}>
            Clear
          </button>
          {signedIn && (
            <button type="button" onClick={() => setSaving((s) => !s)} aria-expanded={saving}>
              Save spot…
            </button>
          )}
          {signedIn && (
            <button type="button" disabled={!input} onClick={() => void runAsJob()} title="Queue as a background job with live progress (for long calculations)">
              Run as job
            </button>
          )}
        </div>
        {jobError != null && <ErrorNotice error={jobError} what="Queuing the job" />}
        {saving && signedIn && (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <SaveSpotPanel kind="equity" data={(notes) => toSpotData(state, notes)} onClose={() => setSaving(false)} />
          </Suspense>
        )}
      </section>
    </div>
  );
}
