import { ProblemLines } from "../components/CommandErrorView.tsx";
import type { Problem } from "../lib/problem.ts";

/**
 * The end of a sign-in, password or enrolment form: the refusal, if any,
 * then the big button, held back while the request is out so a second
 * tap cannot send it twice.
 */
export function FormEnd({
  error,
  busy,
  label,
  className = "big-button",
  errorTestId,
  submitTestId,
}: {
  error: Problem | null;
  busy: boolean;
  label: string;
  className?: string;
  errorTestId: string;
  submitTestId: string;
}) {
  return (
    <>
      {error && (
        <p
          className="form-error"
          role="alert"
          data-testid={errorTestId}
          data-code={error.code}
        >
          <ProblemLines problem={error} />
        </p>
      )}
      <button
        type="submit"
        className={className}
        disabled={busy}
        data-testid={submitTestId}
      >
        {label}
      </button>
    </>
  );
}
