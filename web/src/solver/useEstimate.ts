import { useEffect, useState } from "react";
import { estimateSolve } from "../api/endpoints";
import { isAbort } from "../api/client";
import type { SolveEstimate, SolveSpot } from "../api/types";

/** Long enough that typing a range sends one request, short enough to follow the form. */
export const ESTIMATE_DEBOUNCE_MS = 300;

export interface EstimateState {
  /** The last answer, kept (dimmed) while the next is asked, so the panel does not jump. */
  value: SolveEstimate | null;
  current: boolean;
  error: unknown;
  pending: boolean;
}

/**
 * The tree size and cost of a spot (POST /api/solver/estimate), asked again after each pause in typing;
 * each request aborts the one before it. `spot` null (an incomplete or wrong form) asks nothing.
 */
export function useEstimate(spot: SolveSpot | null): EstimateState {
  const key = spot ? JSON.stringify(spot) : null;
  const [answer, setAnswer] = useState<{ key: string; value: SolveEstimate } | null>(null);
  const [error, setError] = useState<{ key: string; error: unknown } | null>(null);

  useEffect(() => {
    if (!key) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      estimateSolve(JSON.parse(key) as SolveSpot, abort.signal).then(
        (value) => {
          setAnswer({ key, value });
          setError(null);
        },
        (e: unknown) => {
          if (!isAbort(e)) setError({ key, error: e });
        },
      );
    }, ESTIMATE_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [key]);

  const currentError = error && error.key === key ? error.error : null;
  return {
    value: answer?.value ?? null,
    current: answer !== null && answer.key === key,
    error: currentError,
    pending: key !== null && answer?.key !== key && currentError === null,
  };
}
