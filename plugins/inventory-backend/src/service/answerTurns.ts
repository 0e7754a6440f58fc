import { performance } from 'node:perf_hooks';

/** The share of the event loop answers take when other work waits: twice what it gets. */
const ANSWER_SHARE = 2 / 3;

/**
 * The longest turn answers take in one go, however long the rest of the loop took: the rest
 * (a page of the catalog on its way to a build, a build's slice) waits no longer than that,
 * and what a turn's answers allocate stays alive only until they are sent.
 */
const LONGEST_TURN_MS = 30;

/**
 * Answers take turns with the rest of the process, as an index build's slices do
 * (graph/timeSlices.ts): between two turns of answers Node reads whatever I/O is ready — the
 * catalog's pages an index build is reading, the catalog's own database results, the
 * permission checks of the next questions.
 *
 * Without turns, each caller's request is answered in the callback that reads it, and one turn
 * of the loop answers every request that arrived: under 16 callers asking 40 ms questions that
 * is 640 ms before the loop looks at anything else, and at 50,000 entities an index build's
 * read of the catalog (200 page requests of several steps each) did not end in five minutes.
 * With one answer per turn the read went fast, but then every answer waited for a page and a
 * build slice per caller ahead of it. So a turn answers the questions waiting until it has
 * used twice what the rest of the loop used since the last turn (at least one answer, at most
 * {@link LONGEST_TURN_MS}): while a build runs, answers get up to two thirds of the time.
 */
export class AnswerTurns {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;
  private lastTurnEnded = performance.now();

  /** Resolves when it is this answer's turn: compute it synchronously right after. */
  next(): Promise<void> {
    return new Promise(resolve => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    // An immediate set while immediates run belongs to the loop's next turn: the poll for I/O
    // comes in between.
    setImmediate(() => this.turn());
  }

  private turn() {
    const started = performance.now();
    const others = started - this.lastTurnEnded;
    const budget = Math.min(
      LONGEST_TURN_MS,
      (others * ANSWER_SHARE) / (1 - ANSWER_SHARE),
    );
    const answerNext = () => {
      const now = performance.now();
      if (this.waiting.length === 0 || now - started >= budget) {
        this.lastTurnEnded = now;
        this.scheduled = false;
        this.schedule();
        return;
      }
      this.waiting.shift()!();
      // Queued after the answer's own continuation, which computes it: this runs once it has.
      queueMicrotask(answerNext);
    };
    // A turn answers one question at least, whatever its budget.
    this.waiting.shift()!();
    queueMicrotask(answerNext);
  }
}
