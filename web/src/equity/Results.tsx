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

export function ResultsTable({ result, labels, hiLo }: Omit<Props, "stale">) {
  const boards = result.players[0]?.boards.length ?? 1;
  const double = boards > 1;
  const showScoop = double || hiLo;
  const mc = !result.exact;
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
            {showScoop && <th scope="col">Scoop</th>}
            {double && result.players[0]!.boards.map((_, b) => <th scope="col" key={b}>Board {b + 1}</th>)}
            {hiLo && <th scope="col" title="Share of the pot won with the high hand">Hi</th>}
            {hiLo && <th scope="col" title="Share of the pot won with the low hand">Lo</th>}
          </tr>
        </thead>
        <tbody>
          {result.players.map((p, i) => {
            // Hi/lo shares of the whole pot: each board is worth 1/boards of it.
            const hi = hiLo ? p.boards.reduce((s, b) => s + (b.hi ?? 0), 0) / p.boards.length : 0;
            const lo = hiLo ? p.boards.reduce((s, b) => s + (b.lo ?? 0), 0) / p.boards.length : 0;
            return (
              <tr key={i}>
                <th scope="row">
                  <span className={`swatch c${i}`} aria-hidden="true" />
                  {labels[i]}
                  <span className="input-echo">{p.input}</span>
                </th>
                <td className="num strong">
                  {pct(p.equity)}
                  {mc && p.stdErr != null && <span className="stderr"> ±{p.stdErr.toFixed(2)}</span>}
                </td>
                <td className="num">{pct(p.win)}</td>
                <td className="num">{pct(p.tie)}</td>
                {showScoop && <td className="num">{pct(p.scoop ?? p.win)}</td>}
                {double && p.boards.map((b, j) => <td className="num" key={j}>{pct(b.equity)}</td>)}
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

export function Results({ result, labels, hiLo, stale }: Props) {
  return (
    <div className={`results-body${stale ? " stale" : ""}`} aria-busy={stale}>
      <MethodBadge result={result} />
      <EquityBars result={result} labels={labels} />
      <ResultsTable result={result} labels={labels} hiLo={hiLo} />
    </div>
  );
}
