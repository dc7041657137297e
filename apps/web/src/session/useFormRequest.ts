import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { WireError } from "@muster/protocol";
import { thrownError } from "../lib/http.ts";
import {
  localProblem,
  problemOf,
  type Problem,
  type ProblemContext,
} from "../lib/problem.ts";

/**
 * One request at a time from a sign-in, password or enrolment form, and
 * its refusal as the form shows it: a headline chosen by the code for
 * this form, the server's words beneath. Not useAction: these forms
 * speak in large type to someone who may not be signed in yet.
 */
export function useFormRequest(context: ProblemContext) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setProblem] = useState<Problem | null>(null);

  /** `work` resolves with the refusal, or null when accepted. */
  const send = async (work: () => Promise<WireError | null>) => {
    setBusy(true);
    setProblem(null);
    try {
      const refusal = await work();
      if (refusal !== null) setProblem(problemOf(t, refusal, context));
    } catch (err) {
      setProblem(problemOf(t, thrownError(err), context));
    } finally {
      setBusy(false);
    }
  };
  /** A problem the form found before asking the server. */
  const setError = (headline: string) => setProblem(localProblem(headline));

  return { busy, error, setError, send };
}
