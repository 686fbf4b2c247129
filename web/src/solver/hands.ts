// The per-hand table's filter and sort. A node can hold 10,000+ hands: hands are parsed once into card
// numbers, and filtering and sorting work on those.
import { parseCards, RANKS, rankOf, type Card } from "../cards/cards";
import type { SolveHand } from "../api/types";

export interface HandRow extends SolveHand {
  /** The hand's cards, highest first (rank, then suit): the order the hand column sorts by. */
  cards: Card[];
}

export function toRows(hands: readonly SolveHand[]): HandRow[] {
  return hands.map((h) => {
    const parsed = parseCards(h.hand);
    return { ...h, cards: parsed.ok ? [...parsed.cards].sort((a, b) => b - a) : [] };
  });
}

// ---- filter ----

/** One alternative of a filter: cards the hand must hold, and ranks it must hold besides them. */
interface Pattern {
  cards: Card[];
  ranks: number[];
}

export type HandFilter = { ok: true; patterns: Pattern[] } | { ok: false; error: string };

/**
 * Reads a filter: `As` (holds the ace of spades), `KK` (two kings), `AsK` (the ace of spades and a king);
 * commas separate alternatives (`KK, As`: either). Case and spaces do not matter. Empty matches every hand.
 */
export function parseHandFilter(text: string): HandFilter {
  const patterns: Pattern[] = [];
  for (const part of text.split(",")) {
    const chars = Array.from(part.replace(/\s+/g, ""));
    if (chars.length === 0) continue;
    const pattern: Pattern = { cards: [], ranks: [] };
    for (let i = 0; i < chars.length; i++) {
      let rank = RANKS.indexOf(chars[i]!.toUpperCase());
      if (chars[i] === "1" && chars[i + 1] === "0") {
        rank = 8;
        i++;
      }
      if (rank < 0) return { ok: false, error: `'${chars[i]}' is not a rank: filter with cards or ranks, e.g. As, KK, AsK` };
      const next = chars[i + 1];
      const suit = next ? "cdhs".indexOf(next.toLowerCase()) : -1;
      if (suit >= 0) {
        pattern.cards.push(rank * 4 + suit);
        i++;
      } else {
        pattern.ranks.push(rank);
      }
    }
    patterns.push(pattern);
  }
  return { ok: true, patterns };
}

function matches(cards: readonly Card[], pattern: Pattern): boolean {
  if (!pattern.cards.every((c) => cards.includes(c))) return false;
  // Ranks must be found among the cards not already claimed by the named cards, each card used once.
  const free = cards.filter((c) => !pattern.cards.includes(c)).map(rankOf);
  for (const rank of pattern.ranks) {
    const at = free.indexOf(rank);
    if (at < 0) return false;
    free.splice(at, 1);
  }
  return true;
}

export function filterRows(rows: readonly HandRow[], filter: HandFilter): readonly HandRow[] {
  if (!filter.ok || filter.patterns.length === 0) return rows;
  return rows.filter((r) => filter.patterns.some((p) => matches(r.cards, p)));
}

// ---- sort ----

/** A sortable column: the hand, its weight, EV, equity, or the frequency of action i (`action:1`). */
export type SortKey = "hand" | "weight" | "ev" | "equity" | `action:${number}`;
export interface Sort {
  key: SortKey;
  descending: boolean;
}

function compareHands(a: readonly Card[], b: readonly Card[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function value(row: HandRow, key: SortKey): number {
  if (key === "weight") return row.weight;
  if (key === "ev") return row.ev;
  if (key === "equity") return row.equity;
  return row.frequencies[Number(key.slice(7))] ?? 0;
}

/** Sorted copy; ties keep the hand order (strongest cards first), so equal rows never jump around. */
export function sortRows(rows: readonly HandRow[], sort: Sort): HandRow[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const byHand = -compareHands(a.cards, b.cards);
    if (sort.key === "hand") return sign * -byHand;
    return sign * (value(a, sort.key) - value(b, sort.key)) || byHand;
  });
}
