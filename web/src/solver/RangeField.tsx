import { FieldMessage } from "../equity/FieldMessage";
import { count } from "../equity/format";
import { useRangeCheck } from "../equity/useRangeCheck";

interface Props {
  id: string;
  label: string;
  value: string;
  game: string;
  /** The board when it is complete (3–5 cards): its cards leave the range. */
  board: string;
  /** The server's error for this field (a solve or an estimate refused it). */
  error?: string;
  placeholder: string;
  onChange: (text: string) => void;
}

/** A player's range with its live combo count on the board, or the error at its position. */
export function RangeField({ id, label, value, game, board, error, placeholder, onChange }: Props) {
  const check = useRangeCheck(game, value, board, "");
  let hint: React.ReactNode = "a range, e.g. AA**:ds or KK,99,K9:ds";
  let message = error;
  let position: number | undefined;
  if (check.status === "invalid") {
    message = check.message;
    position = check.position;
  } else if (check.status === "ok" || (check.status === "checking" && check.previous)) {
    const v = check.status === "ok" ? check.value : check.previous!;
    hint = (
      <span className={check.status === "checking" ? "muted" : undefined}>
        {count(v.combos)} combos{board ? " on this board" : ""}
        {v.weightedCombos != null ? ` (weighted ${count(Math.round(v.weightedCombos * 10) / 10)})` : ""}
      </span>
    );
  } else if (check.status === "checking") {
    hint = <span className="muted">checking…</span>;
  } else if (check.status === "unavailable") {
    hint = <span className="muted">{check.message}</span>;
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="cards-input"
        value={value}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        placeholder={placeholder}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-msg`}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldMessage id={`${id}-msg`} error={message} position={position} text={value} hint={hint} />
    </div>
  );
}
