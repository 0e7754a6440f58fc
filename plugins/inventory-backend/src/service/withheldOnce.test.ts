import { IndexState } from './InventoryIndex';
import { WithheldOnce } from './answers';

/** Two builds: what differs for WithheldOnce is the build's people (`personal`). */
const build = () => ({ personal: {} } as unknown as IndexState);

describe('WithheldOnce', () => {
  it('withholds an answer a build keeps once, and again for the next build', () => {
    const once = new WithheldOnce();
    const [first, second] = [build(), build()];
    const forest = { nodes: ['kept by the build'] };
    const withheld = jest.fn(() => ({ nodes: ['withheld'] }));

    const a = once.get(first, forest, withheld);
    expect(once.get(first, forest, withheld)).toBe(a);
    expect(withheld).toHaveBeenCalledTimes(1);

    // Another build knows other people: its callers get the answer withheld by its rules.
    once.get(second, forest, withheld);
    expect(withheld).toHaveBeenCalledTimes(2);
    // An answer computed afresh is withheld afresh.
    once.get(first, { nodes: ['another'] }, withheld);
    expect(withheld).toHaveBeenCalledTimes(3);
  });
});
