import { parseCards } from "../cards/cards";
import { FieldMessage } from "./FieldMessage";
import { useRangeCheck } from "./useRangeCheck";
import { count } from "./format";
import { HOLE_CARDS, type Game, type PlayerState } from "./state";

interface Props {
  index: number;
  player: PlayerState;
  game: Game;
  /** Client-side card error, else the server's error for this player. */
  error?: string;
  /** Known cards for the range check: the first board, and every other card in use. */
  rangeBoard: string;
  rangeDead: string;
  canRemove: boolean;
  readOnly?: boolean;
  onChange: (player: PlayerState) => void;
  onRemove: () => void;
  onFocusField: () => void;
}

export function PlayerRow({ index, player, game, error, rangeBoard, rangeDead, canRemove, readOnly, onChange, onRemove, onFocusField }: Props) {
  const id = `player-${index}`;
  const label = `Player ${index + 1}`;
  const check = useRangeCheck(game, player.kind === "range" ? player.text : "", rangeBoard, rangeDead);

  let message: React.ReactNode;
  let messageError = error;
  let position: number | undefined;
  if (player.kind === "hand") {
    const parsed = parseCards(player.text);
    if (!parsed.ok) position = parsed.error.position;
    const n = parsed.ok ? parsed.cards.length : 0;
    message = n === 0 ? `${HOLE_CARDS[game]} cards, e.g. ${"AsKsQhJhTd9d".slice(0, HOLE_CARDS[game] * 2)}` : `${n} of ${HOLE_CARDS[game]} cards`;
  } else if (check.status === "invalid") {
    messageError = check.message;
    position = check.position;
  } else if (check.status === "ok" || (check.status === "checking" && check.previous)) {
    const value = check.status === "ok" ? check.value : check.previous!;
    message = (
      <span className={check.status === "checking" ? "muted" : undefined}>
        {count(value.combos)} combos{value.weightedCombos != null ? ` (weighted ${count(Math.round(value.weightedCombos * 10) / 10)})` : ""}
      </span>
    );
  } else if (check.status === "checking") {
    message = <span className="muted">checking…</span>;
  } else if (check.status === "unavailable") {
    message = <span className="muted">{check.message}</span>;
  } else {
    message = "a range, e.g. AA**:ds or RROO";
  }

  const categories = check.status === "ok" ? check.value.categories : undefined;

  return (
    <fieldset className="player">
      <legend className={`swatch-legend c${index}`}>{label}</legend>
      <div className="player-line">
        <div className="segmented" role="radiogroup" aria-label={`${label}: hand or range`}>
          {(["hand", "range"] as const).map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name={`${id}-kind`}
                value={kind}
                checked={player.kind === kind}
                disabled={readOnly}
                onChange={() => onChange({ ...player, kind })}
              />
              <span>{kind === "hand" ? "Hand" : "Range"}</span>
            </label>
          ))}
        </div>
        <label className="visually-hidden" htmlFor={id}>
          {label} {player.kind}
        </label>
        <input
          id={id}
          className="cards-input"
          value={player.text}
          readOnly={readOnly}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          inputMode="text"
          placeholder={player.kind === "hand" ? "AsKsQhJh" : "AA**:ds"}
          aria-invalid={messageError ? true : undefined}
          aria-describedby={`${id}-msg`}
          onFocus={onFocusField}
          onChange={(e) => onChange({ ...player, text: e.target.value })}
        />
        {canRemove && !readOnly && (
          <button type="button" className="icon" onClick={onRemove} aria-label={`Remove ${label}`} title={`Remove ${label}`}>
            ×
          </button>
        )}
      </div>
      <FieldMessage id={`${id}-msg`} error={messageError} position={position} text={player.text} hint={message} />
      {categories && categories.length > 0 && (
        <details className="categories">
          <summary>Hand categories on this board</summary>
          <ul>
            {categories.map((c) => (
              <li key={c.name} className={`category-${c.kind}`}>
                <span>{c.label}</span>
                <span className="num">{count(c.combos)}</span>
                <span className="num">{`${c.percent.toFixed(1)}%`}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </fieldset>
  );
}
