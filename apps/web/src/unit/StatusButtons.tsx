import { useTranslation } from "react-i18next";
import type { Progress } from "./unitProgress.ts";

export type StatusStep = "unit.acknowledge" | "unit.enRoute" | "unit.assemble";

interface Props {
  /** Null when the dispatch takes no more steps (declined and the like). */
  progress: Progress | null;
  onStep: (step: StatusStep) => void;
}

const steps: {
  step: StatusStep;
  from: Progress;
  key: string;
  testId: string;
}[] = [
  {
    step: "unit.acknowledge",
    from: 0,
    key: "unit.acknowledge",
    testId: "btn-acknowledge",
  },
  { step: "unit.enRoute", from: 1, key: "unit.enRoute", testId: "btn-enroute" },
  {
    step: "unit.assemble",
    from: 2,
    key: "unit.assembled",
    testId: "btn-assembled",
  },
];

/** The three big buttons, each live only when it is the next step. */
export function StatusButtons({ progress, onStep }: Props) {
  const { t } = useTranslation();

  return (
    <div className="status-buttons">
      {steps.map(({ step, from, key, testId }) => {
        const done = progress !== null && progress > from;
        return (
          <button
            key={step}
            type="button"
            className={`big-button${done ? " done" : ""}`}
            data-testid={testId}
            disabled={progress !== from}
            onClick={() => onStep(step)}
          >
            {done && <span aria-hidden>✔ </span>}
            {t(key)}
          </button>
        );
      })}
    </div>
  );
}
