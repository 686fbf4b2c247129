import type { ReactNode } from "react";
import { render } from "@testing-library/react";
import { MemoryRouter, Routes } from "react-router";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";

/** Renders routes at a URL with a fresh query cache that does not retry, as the app's pages run in a test. */
export function renderRoutes(url: string, routes: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>{routes}</Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
