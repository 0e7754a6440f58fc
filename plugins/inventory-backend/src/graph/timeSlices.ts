import { keptIn } from '@infra-atlas/inventory-common';
import { performance } from 'node:perf_hooks';

/**
 * Lets a long computation share the event loop with the answers it will replace: it runs in
 * slices and gives way between them (`setImmediate`, so requests that arrived meanwhile are
 * read and answered first). An index build at 50,000 entities is seconds of work; run in one
 * piece, it held every answer for that long.
 *
 * A slice lasts `sliceMs`, or longer when the loop is busy: the computation keeps `share` of
 * the time — after giving way for W ms it runs up to W · share / (1 − share) ms. Giving way
 * lets every request already waiting be answered (Node runs all ready I/O before the next
 * `setImmediate`), so under 16 callers asking 30 ms answers one turn of the loop was half a
 * second of answers and a 10 ms slice: two builds took 25 minutes. With a third for the build,
 * answers wait at most 1.5 times as long during a build, and a build takes at most three times
 * its own CPU time, under any load.
 */
export class TimeSlicer {
  /** A slicer that never gives way: the same computation, in one piece. */
  static readonly unsliced = new TimeSlicer(Infinity);

  private sliceStart = performance.now();
  private sliceLength: number;

  constructor(private readonly sliceMs = 10, private readonly share = 1 / 3) {
    this.sliceLength = sliceMs;
  }

  /** Whether this slice has used its time. */
  private used(): boolean {
    return performance.now() - this.sliceStart >= this.sliceLength;
  }

  /** Gives way if this slice has used its time; call it between units of work. */
  async pause(): Promise<void> {
    if (!this.used()) return;
    const gaveWay = performance.now();
    await new Promise(resolve => setImmediate(resolve));
    this.sliceStart = performance.now();
    const waited = this.sliceStart - gaveWay;
    this.sliceLength = Math.max(
      this.sliceMs,
      (waited * this.share) / (1 - this.share),
    );
  }

  /** Runs work written as steps (a generator), giving way between steps when a slice is used up. */
  async steps<T>(steps: Generator<void, T>): Promise<T> {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (this.used()) await this.pause();
    }
  }

  /** Runs `step` on every item, giving way between items when a slice is used up. */
  async each<T>(items: Iterable<T>, step: (item: T) => void): Promise<void> {
    for (const item of items) {
      step(item);
      // Checked before awaiting: most items end well inside their slice.
      if (this.used()) await this.pause();
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

/**
 * A value worked out once per object (a graph) by steps: in slices when an index build
 * prepares it, in one piece when something needs it first (a graph built outside the index,
 * as tests and benchmarks build it).
 */
export function steppedOncePer<K extends object, V>(
  steps: (key: K) => Generator<void, V>,
) {
  const kept = new WeakMap<K, V>();
  return {
    get: (key: K): V => keptIn(kept, key, () => runSteps(steps(key))),
    prepare: async (key: K, slicer: TimeSlicer): Promise<void> => {
      if (!kept.has(key)) kept.set(key, await slicer.steps(steps(key)));
    },
  };
}
