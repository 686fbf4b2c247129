import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The API is same-origin in production (the server serves dist/). In development and in `vite preview`
// (which the e2e run uses when the server does not serve the app itself) /api goes to the real server.
const api = process.env.PLOSOLVER_API ?? "http://localhost:5001";
const proxy = { "/api": { target: api, changeOrigin: false } };

// The policy the server should send with the app's pages: everything from our own origin, no inline script or
// style (React sets style properties through the CSSOM, which CSP allows). `vite preview`, which the e2e tests
// use when the server does not serve dist/ yet, sends it too, so those tests prove the app runs under it.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy, headers: { "Content-Security-Policy": CONTENT_SECURITY_POLICY } },
  build: {
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: true,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["src/test/setup.ts"],
    // Typing with user-event on a loaded two-core machine can take seconds.
    testTimeout: 20_000,
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
