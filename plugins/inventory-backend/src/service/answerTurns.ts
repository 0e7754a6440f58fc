/**
 * Answers take turns with the rest of the process: one answer per turn of the event loop, so
 * that between two answers Node reads whatever I/O is ready — the catalog's pages an index
 * build is reading, the catalog's own database results, the permission checks of the next
 * questions.
 *
 * Without turns, each caller's request is answered in the callback that reads it, and a turn
 * of the loop answers every request that arrived: under 16 callers asking 40 ms questions that
 * is 640 ms before the loop looks at anything else. An index build reads the catalog through
 * the same loop in 200 page requests of several steps each, and at 50,000 entities such a read
 * did not end in five minutes. Answers are as fast as before (the same work, in the same
 * order); what waits behind them is one answer at most.
 */
export class AnswerTurns {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;

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
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()!();
      this.schedule();
    });
  }
}
