import { covers, heldStreaks, keptByHolds } from './heldScopes';

describe('held scopes', () => {
  it('covers a scope and everything nested under it, nothing beside it', () => {
    expect(covers('kubernetes', 'kubernetes/k8s.io/octodns')).toBe(true);
    expect(covers('kubernetes/k8s.io', 'kubernetes/k8s.io')).toBe(true);
    expect(covers('kubernetes/k8s.io', 'kubernetes/k8s.io-old')).toBe(false);
    expect(covers('kubernetes/k8s.io/octodns', 'kubernetes/k8s.io')).toBe(
      false,
    );
  });

  it('keeps only the missing refs that a held scope declared before', () => {
    const kept = keptByHolds(
      ['user:default/a', 'user:default/b', 'resource:default/gone'],
      [{ scope: 'kubernetes/k8s.io', reason: 'OWNERS: bad YAML' }],
      {
        'kubernetes/k8s.io': ['user:default/a'],
        'kubernetes/k8s.io/octodns': ['user:default/b'],
        'kubernetes/website': ['resource:default/gone'],
      },
    );
    expect([...kept].sort()).toEqual(['user:default/a', 'user:default/b']);
  });

  it('counts how many runs in a row a scope has been held, and since when', () => {
    const first = heldStreaks(
      [
        { scope: 'kubernetes/a', reason: 'a/OWNERS: bad' },
        { scope: 'kubernetes/a', reason: 'a/OWNERS_ALIASES: bad' },
      ],
      [],
      '2026-12-07T06:00:00.000Z',
    );
    expect(first).toEqual([
      {
        scope: 'kubernetes/a',
        reason: 'a/OWNERS: bad; a/OWNERS_ALIASES: bad',
        since: '2026-12-07T06:00:00.000Z',
        runs: 1,
      },
    ]);
    const third = heldStreaks(
      [{ scope: 'kubernetes/a', reason: 'a/OWNERS: bad' }],
      [{ ...first[0], runs: 2 }],
      '2026-12-07T07:00:00.000Z',
    );
    expect(third[0]).toMatchObject({
      since: '2026-12-07T06:00:00.000Z',
      runs: 3,
    });
  });
});
