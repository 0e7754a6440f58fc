import { keptIn, keptRecently, oncePer } from './memo';

describe('oncePer', () => {
  it('computes once per object and again for another object', () => {
    const computed: object[] = [];
    const sizeOf = oncePer((graph: { nodes: number[] }) => {
      computed.push(graph);
      return graph.nodes.length;
    });
    const first = { nodes: [1, 2, 3] };
    const second = { nodes: [1] };
    expect([sizeOf(first), sizeOf(first), sizeOf(second)]).toEqual([3, 3, 1]);
    expect(computed).toEqual([first, second]);
  });

  it('keeps a value that is undefined instead of computing it again', () => {
    let calls = 0;
    const nothing = oncePer((_: object) => {
      calls++;
      return undefined;
    });
    const key = {};
    nothing(key);
    nothing(key);
    expect(calls).toBe(1);
  });
});

describe('keptIn', () => {
  it('computes a missing key once and keeps it in the map', () => {
    const map = new Map<string, number>();
    let calls = 0;
    const length = (key: string) => {
      calls++;
      return key.length;
    };
    expect(keptIn(map, 'abc', length)).toBe(3);
    expect(keptIn(map, 'abc', length)).toBe(3);
    expect(keptIn(map, 'de', length)).toBe(2);
    expect(calls).toBe(2);
    expect([...map]).toEqual([
      ['abc', 3],
      ['de', 2],
    ]);
  });
});

describe('keptRecently', () => {
  it('keeps the most recently asked keys within its bound', () => {
    const map = new Map<string, string>();
    const computed: string[] = [];
    const ask = (key: string) =>
      keptRecently(map, key, 2, k => {
        computed.push(k);
        return k.toUpperCase();
      });
    expect([ask('a'), ask('b'), ask('a'), ask('c')]).toEqual([
      'A',
      'B',
      'A',
      'C',
    ]);
    // 'b' was the least recently asked when 'c' came: it went, 'a' stayed.
    expect([...map.keys()]).toEqual(['a', 'c']);
    ask('a');
    ask('b');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });
});
