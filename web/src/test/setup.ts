import "@testing-library/jest-dom/vitest";
import { afterEach, beforeEach, vi } from "vitest";
import { cleanup, configure } from "@testing-library/react";

// Debounced requests plus a busy two-core CI machine: give findBy* more than the default second.
configure({ asyncUtilTimeout: 4000 });

// React reports mistakes it can survive (a list without keys, an unknown prop) on console.error and renders on;
// a test that provokes one fails, so they are fixed when they appear rather than read past in the log.
let reactWarnings: string[] = [];
beforeEach(() => {
  reactWarnings = [];
  const original = console.error;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(" ");
    if (text.includes("react.dev/link/") || text.startsWith("Warning:")) {
      reactWarnings.push(text.split("\n")[0] ?? text);
    }
    original(...args);
  });
});

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
  vi.mocked(console.error).mockRestore();
  if (reactWarnings.length > 0) {
    throw new Error(`React warned during this test: ${reactWarnings.join(" | ")}`);
  }
});
