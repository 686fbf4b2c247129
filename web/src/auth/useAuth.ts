import { useSyncExternalStore } from "react";
import { auth, type AuthState } from "../api/client";

export function useAuth(): AuthState {
  return useSyncExternalStore(auth.subscribe, () => auth.state);
}
