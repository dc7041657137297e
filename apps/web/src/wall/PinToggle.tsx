import { useTranslation } from "react-i18next";
import { useStoredFlag, WallToggle } from "./WallToggle.tsx";

/** Whether the operator pinned the view, remembered by this browser. */
export function usePinned(): [boolean, () => void] {
  return useStoredFlag("muster.wall.pinned");
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
    <WallToggle
      on={pinned}
      onToggle={onToggle}
      testId="wall-pin"
      label={pinned ? `▣ ${t("wall.pinned")}` : `◎ ${t("wall.follow")}`}
    />
  );
}
