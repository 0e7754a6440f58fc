import {
  FileToCommit,
  ObjectStore,
  readObject,
  resolvePath,
  walkTree,
  writeBlob,
  writeCommit,
  writeTree,
} from './gitObjects';

const file = (text: string): FileToCommit => ({
  mode: '100644',
  data: Buffer.from(text),
});

describe('git objects', () => {
  it('hashes blobs as git hash-object does', () => {
    expect(writeBlob(new Map(), Buffer.from('hello\n'))).toBe(
      'ce013625030ba8dba906f756967f9e9ca394464a',
    );
  });

  it('hashes trees as git does, in git order, with symlinks', () => {
    // Expected SHAs from `git rev-parse HEAD^{tree}` / `git ls-tree` of the same files.
    const store: ObjectStore = new Map();
    const tree = writeTree(
      store,
      new Map([
        ['a/x', file('x\n')],
        ['a-b', file('ab\n')],
        ['a.c', file('ac\n')],
        ['link', { mode: '120000', data: Buffer.from('a.c') }],
      ]),
    );
    expect(tree).toBe('4a8b84e0921a3ebab87fa7cd74dcfb5dd6b50f92');
    expect(readObject(store, tree, 'tree')!.entries).toEqual([
      {
        name: 'a-b',
        mode: '100644',
        type: 'blob',
        sha: '81bf396956110ad81c14860af1bbcc9dfbe4df20',
      },
      {
        name: 'a.c',
        mode: '100644',
        type: 'blob',
        sha: 'a9eb3bbf4e21a1823eb23fe497069343d76b44c5',
      },
      {
        name: 'a',
        mode: '040000',
        type: 'tree',
        sha: 'ab69b4abf3bb84d4e268bd42d84e4a9a5e242bd3',
      },
      {
        name: 'link',
        mode: '120000',
        type: 'blob',
        sha: '6bc0e647512d2a0bef4f26111e484dc87df7f5ca',
      },
    ]);
    expect(writeTree(new Map(), new Map())).toBe(
      '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    );
    expect(resolvePath(store, tree, 'a/x')?.type).toBe('blob');
    expect(resolvePath(store, tree, 'a/y')).toBeUndefined();
    expect([...walkTree(store, tree)].map(e => e.path)).toEqual([
      'a-b',
      'a.c',
      'a',
      'a/x',
      'link',
    ]);
    expect(() =>
      writeTree(
        new Map(),
        new Map([
          ['a', file('')],
          ['a/b', file('')],
        ]),
      ),
    ).toThrow('"a/b" is under "a", which is a file');
  });

  it('makes commits whose SHA depends on tree, parent and time', () => {
    const store: ObjectStore = new Map();
    const tree = writeTree(store, new Map([['README.md', file('hi\n')]]));
    const commit = (parents: string[], date: string) =>
      writeCommit(store, { tree, parents, date, message: 'm' });
    const first = commit([], '2024-01-01T00:00:00Z');
    expect(first).toMatch(/^[0-9a-f]{40}$/);
    expect(commit([], '2024-01-01T00:00:00Z')).toBe(first);
    expect(commit([], '2024-01-01T00:00:01Z')).not.toBe(first);
    expect(commit([first], '2024-01-01T00:00:00Z')).not.toBe(first);
  });
});
