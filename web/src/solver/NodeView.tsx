import { useState } from "react";
import { Link } from "react-router";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import { parseCards } from "../cards/cards";
import { getSolveNode } from "../api/endpoints";
import type { SolveAction, SolveCategory, SolveHand, SolveNode } from "../api/types";
import { ErrorNotice } from "../ui/ErrorNotice";
import { CardsText } from "./CardsText";
import { HandTable } from "./HandTable";
import { actionClass, freq } from "./format";
import { actionLabel, actionTarget, crumbs, formatChips, playerName } from "./path";

const NO_HANDS: readonly SolveHand[] = [];

interface Props {
  jobId: string;
  path: string;
  /** The address of another node of this solution (the page keeps the path in its URL). */
  linkTo: (path: string) => string;
}

/** One decision of a solution: the line to it, the strategy (overall, by hand category, by hand), and the way on. */
export function NodeView({ jobId, path, linkTo }: Props) {
  const node = useQuery({
    queryKey: ["solve-node", jobId, path],
    queryFn: ({ signal }) => getSolveNode(jobId, path, signal),
    // The node before stays on screen (dimmed) until the next arrives: no blank flash between nodes.
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });

  if (node.isPending) return <p className="muted">Loading the strategy…</p>;
  if (node.error && !node.data) return <NodeError error={node.error} linkTo={linkTo} onRetry={() => void node.refetch()} />;
  const data = node.data!;
  const stale = node.isPlaceholderData;
  return (
    <section className={`node-view${stale ? " stale" : ""}`} aria-labelledby="node-title" aria-busy={stale}>
      {node.error != null && <NodeError error={node.error} linkTo={linkTo} onRetry={() => void node.refetch()} />}
      <Breadcrumbs node={data} linkTo={linkTo} />
      <h2 id="node-title">
        {playerName(data.player)} to act
      </h2>
      <dl className="node-facts">
        <div><dt>Board</dt><dd><CardsText text={data.board} /></dd></div>
        <div><dt>Pot</dt><dd>{formatChips(data.pot)}</dd></div>
        {data.stacks && <div><dt>Stacks</dt><dd>{data.stacks.map(formatChips).join(" / ")}</dd></div>}
        <div><dt>Combos</dt><dd>{data.combos.toLocaleString("en-US", { maximumFractionDigits: 1 })}</dd></div>
        <div><dt>EV</dt><dd>{data.ev.toFixed(1)}</dd></div>
        <div><dt>Equity</dt><dd>{data.equity.toFixed(1)}%</dd></div>
      </dl>
      <Actions node={data} linkTo={linkTo} />
      <Categories node={data} />
      {/* Not keyed by node: the filter and sort stay while walking the tree (follow KK down a line). */}
      <HandTable hands={data.hands ?? NO_HANDS} actions={data.actions} />
    </section>
  );
}

function NodeError({ error, linkTo, onRetry }: { error: unknown; linkTo: (path: string) => string; onRetry: () => void }) {
  // 422: the path in the address does not lead to a decision (edited by hand, or a stale bookmark).
  if (error instanceof ApiError && error.status === 422) {
    return (
      <div className="notice error" role="alert">
        <span>{error.field("node") ?? error.problem.detail ?? error.message}</span>
        <Link to={linkTo("")}>Back to the start</Link>
      </div>
    );
  }
  return <ErrorNotice error={error} what="Loading the strategy" onRetry={onRetry} />;
}

function Breadcrumbs({ node, linkTo }: { node: SolveNode; linkTo: (path: string) => string }) {
  const list = crumbs(node.path, node.line);
  return (
    <nav aria-label="Line" className="crumbs">
      <ol>
        {list.map((c, i) => (
          <li key={c.path || "root"}>
            {i === list.length - 1 ? (
              <span aria-current="page">{c.label}</span>
            ) : (
              <Link to={linkTo(c.path)}>{c.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Actions({ node, linkTo }: { node: SolveNode; linkTo: (path: string) => string }) {
  // A chance child (the turn or river to come) first asks which card to deal.
  const [dealing, setDealing] = useState<number | null>(null);
  const boardCards = parseCards(node.board);
  const street = boardCards.ok && boardCards.cards.length === 3 ? "turn" : "river";
  const dealFor = dealing !== null ? node.actions[dealing] : undefined;
  const dealTarget = dealFor ? actionTarget(node.path, dealFor, dealing!) : null;

  return (
    <section aria-labelledby="actions-title">
      <h3 id="actions-title">Strategy</h3>
      <ul className="action-list">
        {node.actions.map((a, i) => {
          const target = actionTarget(node.path, a, i);
          const content = <ActionBar action={a} className={actionClass(node.actions, i)} pot={node.pot} />;
          return (
            <li key={i}>
              {target.kind === "decision" ? (
                <Link className="action" to={linkTo(target.path)} aria-label={`${actionLabel(a.action, a.amount)}: ${freq(a.frequency)}, EV ${a.ev.toFixed(1)}. Go to the next decision`}>
                  {content}
                </Link>
              ) : target.kind === "chance" ? (
                <button
                  type="button"
                  className="action"
                  aria-expanded={dealing === i}
                  aria-label={`${actionLabel(a.action, a.amount)}: ${freq(a.frequency)}, EV ${a.ev.toFixed(1)}. Deal the ${street}`}
                  onClick={() => setDealing((d) => (d === i ? null : i))}
                >
                  {content}
                </button>
              ) : (
                <button type="button" className="action" disabled aria-label={`${actionLabel(a.action, a.amount)}: ${freq(a.frequency)}, EV ${a.ev.toFixed(1)}. Ends the hand`}>
                  {content}
                  <span className="muted small action-note">ends the hand</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {dealTarget && dealFor && (
        <div className="deal panel" role="group" aria-label={`Deal the ${street}`}>
          <p className="small">
            After {actionLabel(dealFor.action, dealFor.amount).toLowerCase()}: pick the {street} card.
          </p>
          <ul className="deal-cards">
            {dealTarget.cards.map((card) => (
              <li key={card}>
                <Link className="deal-card" to={linkTo(`${dealTarget.path}.${card}`)}>
                  <CardsText text={card} />
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function ActionBar({ action, className, pot }: { action: SolveAction; className: string; pot: number }) {
  // A bet's size in % of the pot is how the setup named it; a raise's "to" amount has no such reading.
  const share = /^bet/i.test(action.action) && action.amount > 0 && pot > 0 ? ` (${Math.round((action.amount / pot) * 100)}% pot)` : "";
  return (
    <span className="action-bar" aria-hidden="true">
      <span className="action-name">
        {actionLabel(action.action, action.amount)}
        <span className="muted small">{share}</span>
      </span>
      <span className="bar-track">
        <span className={`bar-fill ${className}`} style={{ width: `${action.frequency * 100}%` }} />
      </span>
      <span className="num action-freq">{freq(action.frequency)}</span>
      <span className="num action-ev">EV {action.ev.toFixed(1)}</span>
    </span>
  );
}

function Categories({ node }: { node: SolveNode }) {
  if (node.categories.length === 0) return null;
  return (
    <section aria-labelledby="categories-title">
      <h3 id="categories-title">By hand category</h3>
      <div className="table-scroll">
        <table className="results categories-table">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" className="num">Combos</th>
              <th scope="col" className="left">Strategy</th>
              {node.actions.map((a, i) => (
                <th scope="col" className="num" key={i}>
                  {actionLabel(a.action, a.amount)}
                </th>
              ))}
              <th scope="col" className="num">EV</th>
              <th scope="col" className="num">Equity</th>
            </tr>
          </thead>
          <tbody>
            {node.categories.map((c) => (
              <CategoryRow key={c.name} category={c} node={node} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CategoryRow({ category, node }: { category: SolveCategory; node: SolveNode }) {
  return (
    <tr>
      <th scope="row">{category.label}</th>
      <td className="num">{category.combos.toLocaleString("en-US", { maximumFractionDigits: 1 })}</td>
      <td>
        <span className="stack-bar" aria-hidden="true">
          {category.frequencies.map((f, i) => (
            <span key={i} className={actionClass(node.actions, i)} style={{ width: `${f * 100}%` }} />
          ))}
        </span>
      </td>
      {node.actions.map((_, i) => (
        <td className="num" key={i}>
          {freq(category.frequencies[i] ?? 0)}
        </td>
      ))}
      <td className="num">{category.ev.toFixed(1)}</td>
      <td className="num">{category.equity.toFixed(1)}%</td>
    </tr>
  );
}
