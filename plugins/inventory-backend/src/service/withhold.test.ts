/*
 * How an answer is cut by the meaning of its fields (inventory-common's answerFields.ts), on
 * answer shapes as the queries build them.
 */
import { withhold } from './withhold';

const summary = (ref: string) => ({
  ref,
  kind: ref.split(':')[0],
  title: ref.split('/')[1],
  exists: true,
});
const step = (from: string, to: string) => ({
  from,
  relation: 'memberOf',
  to,
  provenance: { kind: 'observed', source: `//test/${from}` },
});

const HIDDEN = 'resource:default/secret';
const unreadable = (ref: string) =>
  ref === HIDDEN || ref === 'group:default/hidden';

describe('withhold', () => {
  it('takes out the rows about an entity the caller may not read, and nothing else', () => {
    const answer = {
      entity: summary('group:default/team'),
      items: [
        { role: 'owns', entity: summary('resource:default/open'), steps: [] },
        { role: 'owns', entity: summary(HIDDEN), steps: [] },
      ],
      edges: [
        { source: 'resource:default/open', target: HIDDEN, type: 'childOf' },
      ],
      parents: ['resource:default/open', HIDDEN],
    };
    expect(withhold(answer, { unreadable })).toEqual({
      entity: summary('group:default/team'),
      items: [
        { role: 'owns', entity: summary('resource:default/open'), steps: [] },
      ],
      edges: [],
      parents: ['resource:default/open'],
    });
  });

  it('drops an owner that only describes a row, and keeps the row; a row of owners goes', () => {
    const answer = {
      nodes: [
        {
          entity: summary('resource:default/open'),
          owner: 'group:default/hidden',
          ownerTitle: 'hidden',
        },
      ],
      owners: [{ owner: summary('group:default/hidden'), entities: [] }],
    };
    expect(withhold(answer, { unreadable })).toEqual({
      nodes: [{ entity: summary('resource:default/open') }],
      owners: [],
    });
  });

  it('takes out a whole chain of evidence, and what it proves, when one step is hidden', () => {
    const answer = {
      items: [
        {
          entity: summary('resource:default/open'),
          steps: [
            step('user:default/alice', 'group:default/hidden'),
            step('group:default/hidden', 'resource:default/open'),
          ],
        },
        {
          entity: summary('resource:default/open'),
          steps: [step('user:default/alice', 'resource:default/open')],
        },
      ],
    };
    expect(withhold(answer, { unreadable }).items).toHaveLength(1);
  });

  it('takes out an ownership item held through a group the caller may not read, with the group', () => {
    // Alice reaches `open-team` through `hidden`: the chain's steps come once, in `groups`, and
    // the item names the way in `through`; neither may stay to say she is in `hidden`.
    const answer = {
      groups: [
        {
          entity: summary('group:default/hidden'),
          steps: [step('user:default/alice', 'group:default/hidden')],
        },
        {
          entity: summary('group:default/open-team'),
          steps: [
            step('user:default/alice', 'group:default/hidden'),
            step('group:default/hidden', 'group:default/open-team'),
          ],
        },
      ],
      items: [
        {
          entity: summary('resource:default/open'),
          through: [
            'user:default/alice',
            'group:default/hidden',
            'group:default/open-team',
          ],
          steps: [step('group:default/open-team', 'resource:default/open')],
        },
        {
          entity: summary('resource:default/open'),
          through: ['user:default/alice', 'user:default/alice--example.com'],
          steps: [
            step('user:default/alice--example.com', 'resource:default/open'),
          ],
        },
      ],
    };
    const kept = withhold(answer, { unreadable });
    expect(kept.groups).toEqual([]);
    expect(kept.items).toEqual([answer.items[1]]);
  });

  it('drops the sentences and sections that name an entity the caller may not read', () => {
    const answer = {
      query: 'group:default/team',
      items: [{ entity: summary(HIDDEN), steps: [] }],
      summary: [
        'owns secret (gcp-project) → 3 buckets',
        'owns secret-garden and open',
        'member of 2 groups',
      ],
      sections: [
        {
          key: 'owns:contains:secret',
          title: 'in project secret',
          cause: { entity: summary(HIDDEN), steps: [] },
          items: [],
        },
        { key: 'owns:scope:bucket', title: 'buckets', items: [] },
      ],
    };
    const kept = withhold(answer, { unreadable });
    expect(kept.summary).toEqual([
      'owns secret-garden and open',
      'member of 2 groups',
    ]);
    expect(kept.sections.map(section => section.key)).toEqual([
      'owns:scope:bucket',
    ]);
  });

  it('answers a question about an entity the caller may not read like one about an unknown entity', () => {
    expect(() =>
      withhold({ entity: summary(HIDDEN), chains: [] }, { unreadable }),
    ).toThrow(`No entity ${HIDDEN} in the inventory`);
  });

  it('replaces personal details field by field, and in the sentences that can quote them', () => {
    const redact = (value: string) =>
      value === 'user:default/jane--example.org'
        ? 'user:default/[redacted]'
        : undefined;
    const answer = {
      members: [{ entity: summary('user:default/jane--example.org') }],
      message: 'user:jane@example.org holds roles/owner directly',
      title: 'jane@example.org is not a sentence',
    };
    expect(
      withhold(answer, {
        redact,
        redactText: text => text.replace('jane@example.org', '[redacted]'),
      }),
    ).toEqual({
      members: [
        {
          entity: {
            ...summary('user:default/jane--example.org'),
            ref: 'user:default/[redacted]',
          },
        },
      ],
      message: 'user:[redacted] holds roles/owner directly',
      // Not a text field: only whole values are replaced there.
      title: 'jane@example.org is not a sentence',
    });
  });

  it('leaves the answer it is given as it was, and hands back unchanged what it keeps', () => {
    const kept = { entity: summary('resource:default/bucket'), steps: [] };
    const answer = {
      rows: [kept, { entity: summary(HIDDEN), steps: [] }],
      message: 'jane@example.org asked',
    };
    const before = JSON.stringify(answer);
    const result = withhold(answer, {
      unreadable,
      redactText: text => text.replace('jane@example.org', '[redacted]'),
    });
    expect(result).toEqual({ rows: [kept], message: '[redacted] asked' });
    expect(JSON.stringify(answer)).toBe(before);
    // Not copied: a caller without personal details is given most of a 300 KB answer.
    expect(result.rows[0]).toBe(kept);
    expect(withhold({ rows: [kept] }, { unreadable }).rows).toEqual([kept]);
  });
});
