import { stat } from 'node:fs';
import { AnswerTurns } from './answerTurns';

/** Holds the event loop for `ms`, as a synchronous answer does. */
function busy(ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // an answer being computed
  }
}

/** Five answers of 20 ms asked at once, and one file read started with them. */
async function answersAndARead(answer: (n: number) => Promise<void>) {
  const order: string[] = [];
  const read = new Promise<void>(resolve =>
    stat(__filename, () => {
      order.push('read');
      resolve();
    }),
  );
  await Promise.all([
    ...[1, 2, 3, 4, 5].map(async n => {
      await answer(n);
      busy(20);
      order.push(`answer ${n}`);
    }),
    read,
  ]);
  return order;
}

describe('AnswerTurns', () => {
  it('lets ready I/O through between answers, not after all of them', async () => {
    const turns = new AnswerTurns();
    const order = await answersAndARead(() => turns.next());
    // The read completes in the thread pool within a millisecond; its callback waits for one
    // answer at most (the one computing when it completed), sometimes two on a busy machine.
    expect(order.indexOf('read')).toBeLessThanOrEqual(2);
    expect(order.filter(step => step.startsWith('answer'))).toEqual([
      'answer 1',
      'answer 2',
      'answer 3',
      'answer 4',
      'answer 5',
    ]);
  });

  it('answers what waits in one turn, taking two thirds of a loop the build shares', async () => {
    const turns = new AnswerTurns();
    const events: string[] = [];
    let building = true;
    // A build giving way every 10 ms, as the index build's slicer does.
    const slice = () => {
      if (!building) return;
      busy(10);
      events.push('slice');
      setImmediate(slice);
    };
    setImmediate(slice);
    await Promise.all(
      Array.from({ length: 60 }, async () => {
        await turns.next();
        busy(1);
        events.push('answer');
      }),
    );
    building = false;
    const runs = events
      .join(' ')
      .split('slice')
      .map(run => run.split('answer').length - 1)
      .filter(n => n > 0);
    // About 20 answers of 1 ms for each 10 ms slice: neither one per turn, nor all 60 at once.
    expect(Math.max(...runs)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...runs)).toBeLessThanOrEqual(35);
    expect(runs.length).toBeGreaterThanOrEqual(2);
  });

  it('without turns, the read waits for every answer (the control)', async () => {
    // The control: the same answers computed as soon as they are asked hold the read's
    // callback until every one of them is done.
    const order = await answersAndARead(async () => {});
    expect(order.indexOf('read')).toBe(5);
  });
});
