import type { EquityResult } from "../api/types";
import { count, duration, pct } from "./format";

interface Props {
  result: EquityResult;
  /** Player labels in input order ("Player 1"). */
  labels: string[];
  hiLo: boolean;
  /** The result is for an earlier input (a new one is on its way): shown dimmed, not hidden. */
  stale?: boolean;
}

export function MethodBadge({ result }: { result: EquityResult }) {
  if (result.exact) {
    return <span className="badge exact">Exact · {count(result.deals)} deals · {duration(result.elapsedMs)}</span>;
  }
  const worst = Math.max(0, ...result.players.map((p) => p.stdErr ?? 0));
  return (
    <span className="badge mc" title="Monte Carlo: the largest standard error among the players">
      Monte Carlo · {count(result.deals)} trials · ±{worst.toFixed(2)} pts · {duration(result.elapsedMs)}
    </span>
  );
}

/** Equity as bars: the solid part is won alone, the lighter part in ties (split pots). */
export function EquityBars({ result, labels }: Pick<Props, "result" | "labels">) {
  return (
    <ul className="bars" aria-label="Equity bars">
      {result.players.map((p, i) => {
        const tieShare = Math.max(0, p.equity - p.win);
        return (
          <li key={i}>
            <span className="bar-label">{labels[i]}</span>
            <span className="bar-track" aria-hidden="true">
              <span className={`bar-win c${i}`} style={{ width: `${p.win}%` }} />
              <span className={`bar-tie c${i}`} style={{ width: `${tieShare}%` }} />
            </span>
            <span className="bar-value">{pct(p.equity, 1)}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Equity, win, tie (and scoop when the pot has parts) per player. */
export function ResultsTable({ result, labels, hiLo }: Omit<Props, "stale">) {
  const double = (result.players[0]?.boards.length ?? 1) > 1;
  const showScoop = double || hiLo;
  return (
    <div className="table-scroll">
      <table className="results">
        <caption className="visually-hidden">Equity by player</caption>
        <thead>
          <tr>
            <th scope="col">Player</th>
            <th scope="col">Equity</th>
            <th scope="col">Win</th>
            <th scope="col">Tie</th>
            {showScoop && <th scope="col" title="Won every part of the pot alone">Scoop</th>}
          </tr>
        </thead>
        <tbody>
          {result.players.map((p, i) => (
            <tr key={i}>
              <PlayerHeader label={labels[i]!} input={p.input} index={i} />
              <td className="num strong">
                {pct(p.equity)}
                {!result.exact && p.stdErr != null && <span className="stderr"> ±{p.stdErr.toFixed(2)}</span>}
              </td>
              <td className="num">{pct(p.win)}</td>
              <td className="num">{pct(p.tie)}</td>
              {showScoop && <td className="num">{pct(p.scoop ?? p.win)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * How the equity splits: per board (each board's pot counted as 100%) and, for hi-lo, into the shares of
 * the whole pot won with the high and with the low hand.
 */
export function SplitTable({ result, labels, hiLo }: Omit<Props, "stale">) {
  const boards = result.players[0]?.boards.length ?? 1;
  const double = boards > 1;
  if (!double && !hiLo) return null;
  return (
    <div className="table-scroll">
      <table className="results split">
        <caption>{double && hiLo ? "By board, and high and low" : double ? "By board" : "High and low"}</caption>
        <thead>
          <tr>
            <th scope="col">Player</th>
            {double && result.players[0]!.boards.map((_, b) => <th scope="col" key={b}>Board {b + 1}</th>)}
            {hiLo && <th scope="col" title="Share of the whole pot won with the high hand">Hi</th>}
            {hiLo && <th scope="col" title="Share of the whole pot won with the low hand">Lo</th>}
          </tr>
        </thead>
        <tbody>
          {result.players.map((p, i) => {
            const hi = p.boards.reduce((s, b) => s + (b.hi ?? 0), 0) / p.boards.length;
            const lo = p.boards.reduce((s, b) => s + (b.lo ?? 0), 0) / p.boards.length;
            return (
              <tr key={i}>
                <PlayerHeader label={labels[i]!} index={i} />
                {double &&
                  p.boards.map((b, j) => (
                    <td className="num" key={j}>
                      {pct(b.equity)}
                      {hiLo && <span className="sub">hi {pct(b.hi, 1)} · lo {pct(b.lo, 1)}</span>}
                    </td>
                  ))}
                {hiLo && <td className="num">{pct(hi)}</td>}
                {hiLo && <td className="num">{pct(lo)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function PlayerHeader({ label, input, index }: { label: string; input?: string; index: number }) {
  return (
    <th scope="row">
      <span className={`swatch c${index}`} aria-hidden="true" />
      {label}
      {input && <span className="input-echo">{input}</span>}
    </th>
  );
}

export function Results({ result, labels, hiLo, stale }: Props) {
  return (
    <div className={`results-body${stale ? " stale" : ""}`} aria-busy={stale}>
      <MethodBadge result={result} />
      <EquityBars result={result} labels={labels} />
      <ResultsTable result={result} labels={labels} hiLo={hiLo} />
      <SplitTable result={result} labels={labels} hiLo={hiLo} />
    </div>
  );
}
