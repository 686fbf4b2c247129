import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The API is same-origin in production (the server serves dist/). In development and in `vite preview`
// (which the e2e run uses when the server does not serve the app itself) /api goes to the real server.
const api = process.env.PLOSOLVER_API ?? "http://localhost:5001";
const proxy = { "/api": { target: api, changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  server: { proxy },
  preview: { proxy },
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
