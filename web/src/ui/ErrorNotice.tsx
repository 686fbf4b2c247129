import { ApiError, NetworkError } from "../api/client";

/** Says what went wrong in words, with a retry where trying again can help. */
export function ErrorNotice({ error, onRetry, what = "The request" }: { error: unknown; onRetry?: () => void; what?: string }) {
  let text: string;
  let retryable = true;
  if (error instanceof NetworkError) {
    text = "Cannot reach the server. Your input is kept; check the connection and try again.";
  } else if (error instanceof ApiError) {
    const { problem, status } = error;
    const details = problem.errors ? Object.values(problem.errors).flat().join("; ") : "";
    text = [problem.title ?? `${what} failed (${status})`, problem.detail, details].filter(Boolean).join(": ");
    retryable = status === 429 || status >= 500;
  } else {
    text = `${what} failed unexpectedly.`;
  }
  return (
    <div className="notice error" role="alert">
      <span>{text}</span>
      {onRetry && retryable && (
        <button type="button" className="small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
