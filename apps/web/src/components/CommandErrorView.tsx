import { useTranslation } from "react-i18next";
import type { WireError } from "@muster/protocol";
import {
  problemOf,
  type Problem,
  type ProblemContext,
} from "../lib/problem.ts";

/**
 * A refusal: a headline in the reader's language chosen by its code and
 * where it was met, and beneath it, smaller, the server's own words.
 */
export function CommandErrorView({
  error,
  context = "command",
  onDismiss,
}: {
  error: WireError | null;
  context?: ProblemContext;
  onDismiss?: () => void;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = problemOf(t, error, context);

  return (
    <div
      className="command-error"
      role="alert"
      data-testid="command-error"
      data-code={error.code}
    >
      <ProblemLines problem={problem} />
      {onDismiss && (
        <button type="button" onClick={onDismiss} aria-label={t("app.dismiss")}>
          ✕
        </button>
      )}
    </div>
  );
}

/** The headline, then the detail on a smaller line of its own. */
export function ProblemLines({ problem }: { problem: Problem }) {
  return (
    <span className="problem">
      <strong className="problem-headline" data-testid="problem-headline">
        {problem.headline}
      </strong>
      {problem.detail && (
        <span className="problem-detail" data-testid="problem-detail">
          {problem.detail}
        </span>
      )}
    </span>
  );
}
