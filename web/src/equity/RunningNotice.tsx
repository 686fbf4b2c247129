import { useEffect, useState } from "react";

/** Shown only once a calculation has run for a while (quick ones never flash it): elapsed time and Cancel. */
export function RunningNotice({ running, startedAt, onCancel, after = 400 }: { running: boolean; startedAt: number; onCancel: () => void; after?: number }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, [running]);
  const elapsed = now - startedAt;
  if (!running || elapsed < after) return null;
  return (
    <div className="notice running" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>Calculating… {(elapsed / 1000).toFixed(1)} s</span>
      <progress aria-label="Calculation in progress" />
      <button type="button" className="small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
