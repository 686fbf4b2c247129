import { useCallback, useEffect, useRef, useState } from "react";
import { computeEquity } from "../api/endpoints";
import { isAbort } from "../api/client";
import type { EquityInput, EquityResult } from "../api/types";

/** Short enough to feel instant (a flop result lands well within 150 ms of the last key), long enough
 * that typing `AsKsQhJh` sends one request, not eight. */
export const EQUITY_DEBOUNCE_MS = 60;

export interface EquityRun {
  /** The last answer, kept while a new one is computed so the table never blinks. */
  result: EquityResult | null;
  /** Whether `result` answers the current input. */
  current: boolean;
  running: boolean;
  /** performance.now() when the running request was sent. */
  startedAt: number;
  error: unknown;
  cancelled: boolean;
  cancel: () => void;
  retry: () => void;
}

/**
 * Computes equity whenever the input changes: debounced, and each new input aborts the request before it
 * (the server stops computing when the client goes away). `input` null means "not ready": nothing is sent.
 */
export function useEquity(input: EquityInput | null, debounceMs = EQUITY_DEBOUNCE_MS): EquityRun {
  const key = input ? JSON.stringify(input) : null;
  const [result, setResult] = useState<{ key: string; value: EquityResult } | null>(null);
  const [running, setRunning] = useState(false);
  const [startedAt, setStartedAt] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [cancelled, setCancelled] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    setError(null);
    setCancelled(false);
    if (!key) {
      setRunning(false);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      controller.current = abort;
      setRunning(true);
      setStartedAt(performance.now());
      computeEquity(JSON.parse(key) as EquityInput, abort.signal).then(
        (value) => {
          setResult({ key, value });
          setRunning(false);
        },
        (e: unknown) => {
          if (isAbort(e)) return;
          setError(e);
          setRunning(false);
        },
      );
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [key, attempt, debounceMs]);

  const cancel = useCallback(() => {
    controller.current?.abort();
    setRunning(false);
    setCancelled(true);
  }, []);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  return {
    result: result?.value ?? null,
    current: result !== null && result.key === key,
    running,
    startedAt,
    error,
    cancelled,
    cancel,
    retry,
  };
}
