import { useCallback, useEffect, useState } from "react";

/**
 * Sound needs one tap on the page first: browsers start an AudioContext
 * only from a user gesture. The leader's "go on duty" tap (or any tap on
 * the page) makes one; from then on the page can sound by itself.
 */
export function useOnDuty(): {
  audio: AudioContext | null;
  goOnDuty: () => void;
} {
  const [audio, setAudio] = useState<AudioContext | null>(null);

  const goOnDuty = useCallback(() => {
    setAudio((current) => {
      if (current) return current;
      const context = new AudioContext();
      void context.resume();
      beep(context, 660, 0, 0.12);
      return context;
    });
  }, []);

  useEffect(() => {
    if (audio) return;
    document.addEventListener("pointerdown", goOnDuty, { once: true });
    return () => document.removeEventListener("pointerdown", goOnDuty);
  }, [audio, goOnDuty]);
  return { audio, goOnDuty };
}

/** Repeats a three-tone beep and a vibration while `ringing`. */
export function useAlarm(ringing: boolean, audio: AudioContext | null): void {
  useEffect(() => {
    if (!ringing) return;

    const ring = () => {
      if (audio) {
        for (const [i, hz] of [880, 988, 880].entries()) {
          beep(audio, hz, i * 0.25, 0.2);
        }
      }
      navigator.vibrate?.([400, 150, 400]);
    };
    ring();
    const timer = setInterval(ring, 2_000);
    return () => {
      clearInterval(timer);
      navigator.vibrate?.(0);
    };
  }, [ringing, audio]);
}

function beep(
  audio: AudioContext,
  hz: number,
  delay: number,
  seconds: number,
): void {
  const start = audio.currentTime + delay;
  const tone = audio.createOscillator();
  const gain = audio.createGain();
  tone.frequency.value = hz;
  tone.type = "square";
  // A short ramp at both ends: a bare square wave clicks.
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(0.3, start + 0.01);
  gain.gain.linearRampToValueAtTime(0, start + seconds);
  tone.connect(gain).connect(audio.destination);
  tone.start(start);
  tone.stop(start + seconds + 0.02);
}
