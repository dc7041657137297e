import { useState } from "react";
import { useTranslation } from "react-i18next";

const pinnedKey = "muster.wall.pinned";

/** Whether the operator pinned the view, remembered by this browser. */
export function usePinned(): [boolean, () => void] {
  const [pinned, setPinned] = useState(
    () => localStorage.getItem(pinnedKey) === "1",
  );
  const toggle = () =>
    setPinned((p) => {
      localStorage.setItem(pinnedKey, p ? "0" : "1");
      return !p;
    });
  return [pinned, toggle];
}

/** Pins the map and the selected incident against automatic turns. */
export function PinToggle({
  pinned,
  onToggle,
}: {
  pinned: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="wall-toggle"
      data-testid="wall-pin"
      aria-pressed={pinned}
      onClick={onToggle}
    >
      {pinned ? `▣ ${t("wall.pinned")}` : `◎ ${t("wall.follow")}`}
    </button>
  );
}
