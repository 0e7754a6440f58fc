import { performance } from 'node:perf_hooks';

/**
 * Lets a long computation share the event loop with the answers it will replace: it runs in
 * slices of about `sliceMs` and gives way between them (`setImmediate`, so requests that
 * arrived meanwhile are read and answered first). An index build at 50,000 entities is
 * seconds of work; run in one piece, it held every answer for that long.
 */
export class TimeSlicer {
  /** A slicer that never gives way: the same computation, in one piece. */
  static readonly unsliced = new TimeSlicer(Infinity);

  private sliceStart = performance.now();

  constructor(private readonly sliceMs = 10) {}

  /** Gives way if this slice has used its time; call it between units of work. */
  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await new Promise(resolve => setImmediate(resolve));
    this.sliceStart = performance.now();
  }

  /** Runs work written as steps (a generator), giving way between steps when a slice is used up. */
  async steps<T>(steps: Generator<void, T>): Promise<T> {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (performance.now() - this.sliceStart >= this.sliceMs) {
        await this.pause();
      }
    }
  }

  /** Runs `step` on every item, giving way between items when a slice is used up. */
  async each<T>(items: Iterable<T>, step: (item: T) => void): Promise<void> {
    for (const item of items) {
      step(item);
      // Checked before awaiting: most items end well inside their slice.
      if (performance.now() - this.sliceStart >= this.sliceMs) {
        await this.pause();
      }
    }
  }
}

/** Runs work written as steps (a generator that yields between them) to its end, in one piece. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
