import { useDeferredValue, useEffect, useMemo, useRef, useState, type UIEvent } from "react";
import type { SolveAction, SolveHand } from "../api/types";
import { cardsText } from "../cards/cards";
import { actionLabel } from "./path";
import { filterRows, parseHandFilter, sortRows, toRows, type Sort, type SortKey } from "./hands";
import { CardsText } from "./CardsText";
import { actionClass, freq } from "./format";

// Rows have a fixed height (CSS: .hand-table tbody tr), so the window of rows to render follows from the
// scroll position alone: 10,000 hands cost as much as the ~30 on screen.
export const ROW_PX = 32;
const VIEW_ROWS = 20;
const OVERSCAN = 8;

/** Every hand at a node: filter by cards or ranks, sort by any column, scrolled as a window of rows. */
export function HandTable({ hands, actions }: { hands: readonly SolveHand[]; actions: readonly SolveAction[] }) {
  const [filterText, setFilterText] = useState("");
  const [sort, setSort] = useState<Sort>({ key: "hand", descending: true });
  const [scrollTop, setScrollTop] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  // Typing stays responsive while 10,000 rows are filtered: the table follows a moment later.
  const deferredFilter = useDeferredValue(filterText);

  const rows = useMemo(() => toRows(hands), [hands]);
  // Another node: back to the top of its hands (filter and sort stay).
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [hands]);
  // A column of an action the new node does not have sorts nothing: fall back to the hands.
  const sortable = !sort.key.startsWith("action:") || Number(sort.key.slice(7)) < actions.length;
  const filter = useMemo(() => parseHandFilter(deferredFilter), [deferredFilter]);
  const sortKey: SortKey = sortable ? sort.key : "hand";
  const descending = sortable ? sort.descending : true;
  const shown = useMemo(() => sortRows(filterRows(rows, filter), { key: sortKey, descending }), [rows, filter, sortKey, descending]);
  const typedFilter = parseHandFilter(filterText);

  const start = Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN);
  const end = Math.min(shown.length, start + VIEW_ROWS + 2 * OVERSCAN);
  const visible = shown.slice(start, end);

  const sortBy = (key: SortKey) => {
    // A new column starts descending (the biggest numbers first), except the hand column's natural order.
    setSort(() => (sortKey === key ? { key, descending: !descending } : { key, descending: true }));
  };
  const header = (key: SortKey, label: string, className?: string) => {
    const active = sortKey === key;
    return (
      <th key={key} scope="col" className={className} aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
        <button type="button" className="sort" onClick={() => sortBy(key)}>
          {label}
          <span aria-hidden="true" className="sort-mark">{active ? (descending ? "▼" : "▲") : ""}</span>
        </button>
      </th>
    );
  };
  const onScroll = (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop);
  const resetScroll = () => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  };

  return (
    <section className="hands" aria-labelledby="hands-title">
      <h3 id="hands-title">Hands</h3>
      <div className="hand-filter">
        <label htmlFor="hand-filter">Filter hands</label>
        <input
          id="hand-filter"
          type="search"
          className="cards-input"
          value={filterText}
          placeholder="As, KK, AsK"
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-invalid={typedFilter.ok ? undefined : true}
          aria-describedby="hand-filter-msg"
          onChange={(e) => {
            setFilterText(e.target.value);
            resetScroll();
          }}
        />
        <p className={`field-msg${typedFilter.ok ? "" : " error"}`} id="hand-filter-msg" aria-live="polite">
          {typedFilter.ok ? `${shown.length.toLocaleString("en-US")} of ${rows.length.toLocaleString("en-US")} hands` : typedFilter.error}
        </p>
      </div>
      <div className="hand-scroll" ref={scroller} onScroll={onScroll} tabIndex={0} aria-label="Hands, scrollable">
        <table className="results hand-table" aria-rowcount={shown.length + 1}>
          <thead>
            <tr aria-rowindex={1}>
              {header("hand", "Hand")}
              {header("weight", "Weight", "num")}
              {actions.map((a, i) => header(`action:${i}`, actionLabel(a.action, a.amount), "num"))}
              {header("ev", "EV", "num")}
              {header("equity", "Equity", "num")}
            </tr>
          </thead>
          <tbody>
            {start > 0 && <tr className="spacer" aria-hidden="true" style={{ height: start * ROW_PX }} />}
            {visible.map((row, i) => (
              <tr key={row.hand} aria-rowindex={start + i + 2} className={row.weight === 0 ? "unreached" : undefined}>
                <th scope="row">
                  {/* Highest card first, as players read a hand (the server lists them in its own order). */}
                  <CardsText text={row.cards.length ? cardsText(row.cards) : row.hand} />
                </th>
                <td className="num">{row.weight.toFixed(3)}</td>
                {actions.map((_, j) => (
                  <td key={j} className="num freq-cell">
                    <span className={`freq-bar ${actionClass(actions, j)}`} style={{ width: `${(row.frequencies[j] ?? 0) * 100}%` }} />
                    <span className="freq-text">{freq(row.frequencies[j] ?? 0)}</span>
                  </td>
                ))}
                <td className="num">{row.ev.toFixed(1)}</td>
                <td className="num">{row.equity.toFixed(1)}%</td>
              </tr>
            ))}
            {end < shown.length && <tr className="spacer" aria-hidden="true" style={{ height: (shown.length - end) * ROW_PX }} />}
          </tbody>
        </table>
        {shown.length === 0 && <p className="placeholder">No hand matches the filter.</p>}
      </div>
    </section>
  );
}
