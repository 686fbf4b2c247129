import { parseCards, RANKS, SUIT_SYMBOLS, rankOf, suitOf } from "../cards/cards";

/**
 * Cards in their suit colours (`K♥9♠`). Screen readers (and text search) get the plain text (`Kh9s`), which
 * reads better than symbol names; text the parser refuses is shown as it is.
 */
export function CardsText({ text }: { text: string }) {
  const parsed = parseCards(text);
  if (!parsed.ok) return <span className="cards-text">{text}</span>;
  return (
    <span className="cards-text">
      <span className="visually-hidden">{text.replace(/\s+/g, "")}</span>
      {parsed.cards.map((c, i) => (
        <span key={i} className={`suit-${suitOf(c)}`} aria-hidden="true">
          {RANKS[rankOf(c)]}
          {SUIT_SYMBOLS[suitOf(c)]}
        </span>
      ))}
    </span>
  );
}
