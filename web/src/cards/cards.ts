// Cards as the engine numbers them: index = rank * 4 + suit, rank 0 (deuce) .. 12 (ace), suit c d h s.
// The text rules mirror the engine's CardParser so that the browser flags what the server would refuse,
// with the same 1-based positions, before any request is sent.

export const RANKS = "23456789TJQKA";
export const SUITS = "cdhs";
export const SUIT_SYMBOLS = ["♣", "♦", "♥", "♠"] as const;
export const SUIT_NAMES = ["clubs", "diamonds", "hearts", "spades"] as const;
const RANK_NAMES = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "jack", "queen", "king", "ace"];

export type Card = number;

export const DECK: readonly Card[] = Array.from({ length: 52 }, (_, i) => i);

export const rankOf = (card: Card) => card >> 2;
export const suitOf = (card: Card) => card & 3;

export function cardText(card: Card): string {
  return RANKS[rankOf(card)]! + SUITS[suitOf(card)]!;
}

/** "ace of spades", for screen readers and tooltips. */
export function cardName(card: Card): string {
  return `${RANK_NAMES[rankOf(card)]} of ${SUIT_NAMES[suitOf(card)]}`;
}

export function cardsText(cards: readonly Card[]): string {
  return cards.map(cardText).join("");
}

function rankIndex(c: string): number {
  return RANKS.indexOf(c.toUpperCase());
}

function suitIndex(c: string): number {
  switch (c) {
    case "c": case "C": case "♣": case "♧": return 0;
    case "d": case "D": case "♦": case "♢": return 1;
    case "h": case "H": case "♥": case "♡": return 2;
    case "s": case "S": case "♠": case "♤": return 3;
    default: return -1;
  }
}

export interface CardParseError {
  /** 1-based character position of the offending character, as the server reports it. */
  position: number;
  message: string;
}

export type CardParse = { ok: true; cards: Card[] } | { ok: false; error: CardParseError };

/** Parses `AsKs`, `as ks`, `10h`, `A♠K♥`: cards run together or separated by white space, each at most once. */
export function parseCards(text: string): CardParse {
  const cards: Card[] = [];
  const positions: number[] = [];
  // Iterate by code point: the suit symbols are single UTF-16 units, but a stray emoji must not split.
  const chars = Array.from(text);
  let i = 0;
  const fail = (position: number, message: string): CardParse => ({ ok: false, error: { position, message } });
  while (i < chars.length) {
    const c = chars[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    let rank: number;
    if (c === "1" && chars[i + 1] === "0") {
      rank = 8;
      i += 2;
    } else {
      rank = rankIndex(c);
      if (rank < 0) {
        return fail(start + 1, `'${c}' at position ${start + 1} is not a rank (expected 2-9, T, J, Q, K, A or 10)`);
      }
      i++;
    }
    if (i >= chars.length || /\s/.test(chars[i]!)) {
      return fail(start + 1, `'${chars.slice(start, i).join("")}' at position ${start + 1} has no suit (expected s, h, d, c or ♠ ♥ ♦ ♣)`);
    }
    const suit = suitIndex(chars[i]!);
    if (suit < 0) {
      return fail(i + 1, `'${chars[i]}' at position ${i + 1} is not a suit (expected s, h, d, c or ♠ ♥ ♦ ♣)`);
    }
    i++;
    const card = rank * 4 + suit;
    const seen = cards.indexOf(card);
    if (seen >= 0) {
      return fail(start + 1, `${cardText(card)} at position ${start + 1} is a duplicate (already at position ${positions[seen]! + 1})`);
    }
    cards.push(card);
    positions.push(start);
  }
  return { ok: true, cards };
}

/**
 * A player's text is a hand when it is nothing but cards (as the CLI decides); anything else is a range.
 * Used to suggest the right mode, never to switch it behind the user's back.
 */
export function looksLikeHand(text: string): boolean {
  const parsed = parseCards(text);
  return parsed.ok && parsed.cards.length > 0;
}
