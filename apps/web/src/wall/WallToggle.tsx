import { useState } from "react";

/** A yes/no switch of the operator's, remembered by this browser. */
export function useStoredFlag(key: string): [boolean, () => void] {
  const [on, setOn] = useState(() => localStorage.getItem(key) === "1");
  const toggle = () =>
    setOn((was) => {
      localStorage.setItem(key, was ? "0" : "1");
      return !was;
    });
  return [on, toggle];
}

/** A header switch of the wall, showing what it is set to. */
export function WallToggle({
  on,
  onToggle,
  testId,
  label,
}: {
  on: boolean;
  onToggle: () => void;
  testId: string;
  label: string;
}) {
  return (
    <button
      type="button"
      className="wall-toggle"
      data-testid={testId}
      aria-pressed={on}
      onClick={onToggle}
    >
      {label}
    </button>
  );
}
