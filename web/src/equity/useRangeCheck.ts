import { useEffect, useState } from "react";
import { parseRange } from "../api/endpoints";
import { ApiError, isAbort, NetworkError } from "../api/client";
import type { RangeResponse } from "../api/types";

export type RangeCheck =
  | { status: "empty" }
  | { status: "checking"; previous?: RangeResponse }
  | { status: "ok"; value: RangeResponse }
  | { status: "invalid"; message: string; position?: number }
  | { status: "unavailable"; message: string };

export const RANGE_DEBOUNCE_MS = 200;

// Answers by request, so toggling between two ranges or re-rendering never asks twice.
const cache = new Map<string, RangeResponse>();
const CACHE_LIMIT = 200;

/** Validates a range as the user types (POST /api/ranges/parse): combo count, or the error and its position. */
export function useRangeCheck(game: string, text: string, board: string, dead: string): RangeCheck {
  const range = text.trim();
  const key = JSON.stringify({ game, range, board, dead });
  const [check, setCheck] = useState<RangeCheck>({ status: "empty" });

  useEffect(() => {
    if (!range) {
      setCheck({ status: "empty" });
      return;
    }
    const hit = cache.get(key);
    if (hit) {
      setCheck({ status: "ok", value: hit });
      return;
    }
    setCheck((c) => ({ status: "checking", previous: c.status === "ok" ? c.value : c.status === "checking" ? c.previous : undefined }));
    const abort = new AbortController();
    const timer = setTimeout(() => {
      parseRange({ game, range, board: board || undefined, dead: dead || undefined }, abort.signal).then(
        (value) => {
          if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
          cache.set(key, value);
          setCheck({ status: "ok", value });
        },
        (e: unknown) => {
          if (isAbort(e)) return;
          if (e instanceof ApiError && e.status === 400) {
            const message = e.field("range") ?? e.problem.detail ?? e.message;
            setCheck({ status: "invalid", message, position: e.problem.position });
          } else if (e instanceof ApiError || e instanceof NetworkError) {
            setCheck({ status: "unavailable", message: e instanceof NetworkError ? "cannot reach the server to check this range" : e.message });
          }
        },
      );
    }, RANGE_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [key, range, game, board, dead]);

  return check;
}
