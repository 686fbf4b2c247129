import { useRef, useState, type KeyboardEvent } from "react";
import { cardName, cardText, RANKS, SUIT_SYMBOLS, type Card } from "../cards/cards";

interface Props {
  /** Every card in use, and the field using it. */
  used: ReadonlyMap<Card, string>;
  /** The field the picker adds to, and its label ("Player 1"); null when no field is chosen. */
  target: { field: string; label: string; full: boolean; unreadable?: boolean } | null;
  onPick: (card: Card) => void;
}

// Ace first: the order players read a deck in. Rows are suits (spades, hearts, diamonds, clubs).
const RANK_ORDER = [...RANKS].map((_, i) => 12 - i);
const SUIT_ORDER = [3, 2, 1, 0];

/**
 * The 52 cards as toggle buttons. A card used by another field is disabled (greyed); one in the target
 * field is pressed and removes itself when picked again. Arrow keys move between cards (one tab stop).
 */
export function CardPicker({ used, target, onPick }: Props) {
  const [focus, setFocus] = useState<Card>(51);
  const grid = useRef<HTMLDivElement>(null);

  const move = (e: KeyboardEvent, card: Card) => {
    const row = SUIT_ORDER.indexOf(card & 3);
    const col = RANK_ORDER.indexOf(card >> 2);
    const step: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    let next: [number, number] | null = step[e.key] ? [row + step[e.key]![0], col + step[e.key]![1]] : null;
    if (e.key === "Home") next = [row, 0];
    if (e.key === "End") next = [row, 12];
    if (!next) return;
    e.preventDefault();
    const [r, c] = [(next[0] + 4) % 4, (next[1] + 13) % 13];
    const to = RANK_ORDER[c]! * 4 + SUIT_ORDER[r]!;
    setFocus(to);
    grid.current?.querySelector<HTMLButtonElement>(`[data-card="${to}"]`)?.focus();
  };

  return (
    <div className="picker">
      <p className="picker-target" aria-live="polite">
        {target?.unreadable ? (
          <>Correct the cards typed for <strong>{target.label}</strong> to pick more.</>
        ) : target ? (
          <>Picking for <strong>{target.label}</strong>{target.full ? " (full: pick one of its cards to remove it)" : ""}</>
        ) : (
          "Choose a hand, board or dead-card field, then pick cards here."
        )}
      </p>
      <div className="picker-grid" role="group" aria-label="Card picker" ref={grid}>
        {SUIT_ORDER.map((suit) =>
          RANK_ORDER.map((rank) => {
            const card = rank * 4 + suit;
            const owner = used.get(card);
            const mine = target !== null && owner === target.field;
            const disabled = !target || target.unreadable === true || (owner !== undefined && !mine) || (!mine && target.full);
            return (
              <button
                key={card}
                type="button"
                data-card={card}
                className={`pick suit-${suit}${mine ? " mine" : ""}${owner !== undefined && !mine ? " used" : ""}`}
                aria-pressed={mine}
                aria-label={cardName(card) + (owner !== undefined && !mine ? " (in use)" : "")}
                title={cardText(card)}
                aria-disabled={disabled}
                tabIndex={card === focus ? 0 : -1}
                onFocus={() => setFocus(card)}
                onKeyDown={(e) => move(e, card)}
                onMouseDown={(e) => e.preventDefault() /* keep the text field focused for typing */}
                onClick={() => !disabled && onPick(card)}
              >
                {RANKS[rank]}
                <span aria-hidden="true">{SUIT_SYMBOLS[suit]}</span>
              </button>
            );
          }),
        )}
      </div>
    </div>
  );
}
