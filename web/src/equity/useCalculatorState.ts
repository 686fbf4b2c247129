import { useEffect, useState } from "react";
import { encodeState, initialState, saveToSession, type CalculatorState } from "./state";

/**
 * The calculator's state, mirrored into the address bar (replaceState, so typing does not flood the
 * history) and sessionStorage. The router is not told: the URL is a copy of the state, not a route.
 */
export function useCalculatorState() {
  const [state, setState] = useState<CalculatorState>(() => initialState(new URLSearchParams(window.location.search)));

  useEffect(() => {
    saveToSession(state);
    const url = `${window.location.pathname}?${encodeState(state).toString()}`;
    if (url !== window.location.pathname + window.location.search) window.history.replaceState(window.history.state, "", url);
  }, [state]);

  return [state, setState] as const;
}
