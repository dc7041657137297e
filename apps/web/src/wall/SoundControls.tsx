import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { alertSound } from "./alertSound.ts";
import { useStoredFlag, WallToggle } from "./WallToggle.tsx";

/**
 * Asks once, when the wall starts, for the one click that lets the
 * browser play sound; any click on the page answers it. Muting is kept
 * for this screen across reloads.
 */
export function SoundGate() {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(alertSound.enabled);

  useEffect(() => {
    if (enabled) return;
    const onClick = () => {
      void alertSound.enable().then(() => setEnabled(alertSound.enabled));
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [enabled]);

  if (enabled) return null;
  return (
    <button type="button" className="sound-gate" data-testid="sound-gate">
      ♪ {t("wall.sound.enable")}
    </button>
  );
}

/** The operator's mute switch, remembered by this browser. */
export function useMuted(): [boolean, () => void] {
  return useStoredFlag("muster.wall.muted");
}

export function MuteToggle({
  muted,
  onToggle,
}: {
  muted: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <WallToggle
      on={muted}
      onToggle={onToggle}
      testId="wall-mute"
      label={muted ? `✕ ${t("wall.sound.muted")}` : `♪ ${t("wall.sound.on")}`}
    />
  );
}
