/**
 * A short two-tone chime made on the spot with Web Audio: no sound file
 * to ship or cache. Browsers keep audio suspended until the page has had
 * one click, so the wall asks for that click once (see SoundGate).
 */
export class AlertSound {
  #context: AudioContext | null = null;

  /** True once a click has let the page play sound. */
  get enabled(): boolean {
    return this.#context?.state === "running";
  }

  /** Call from a click handler: the only moment browsers allow it. */
  async enable(): Promise<void> {
    this.#context ??= new AudioContext();
    await this.#context.resume();
  }

  /** Plays the chime; silently does nothing before `enable`. */
  play(): void {
    const context = this.#context;
    if (!context || context.state !== "running") return;

    const start = context.currentTime;
    for (const [i, frequency] of [880, 660, 880].entries()) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + i * 0.25);
      gain.gain.exponentialRampToValueAtTime(0.3, start + i * 0.25 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.25 + 0.22);
      osc.connect(gain).connect(context.destination);
      osc.start(start + i * 0.25);
      osc.stop(start + i * 0.25 + 0.24);
    }
  }
}

/** The page's one chime. */
export const alertSound = new AlertSound();
