import { syntheticCatalogEntities } from '../../bench/inventoryBenchmark';
import { wideEstateEntities } from '../__testUtils__/wideEstate';
import { InventoryGraph } from '../graph/InventoryGraph';
import { ownership } from './ownership';

/*
 * A group's members come a page at a time: the counts and the first page with the answer, the
 * rest on request (`section=members`), each page with its evidence.
 */
describe('a group’s members in pages', () => {
  const synthetic = InventoryGraph.build(
    syntheticCatalogEntities(2_000).entities,
  );
  // The synthetic catalog's group with the most members, direct and nested.
  const largest = synthetic
    .ofKind('group')
    .map(group => `group:default/${group.metadata.name}`)
    .map(ref => ({ ref, answer: ownership(synthetic, ref, { limit: 1 }) }))
    .sort(
      (a, b) =>
        (b.answer.memberCounts?.total ?? 0) -
        (a.answer.memberCounts?.total ?? 0),
    )[0];

  const everyPage = (graph: InventoryGraph, q: string, pageSize: number) => {
    const pages = [];
    for (let offset = 0; ; offset += pageSize) {
      const page = ownership(graph, q, {
        section: 'members',
        offset,
        pageSize,
      });
      expect(page.membersOffset).toBe(offset);
      if (!page.members.length) return pages;
      pages.push(page.members);
    }
  };

  it('sends the counts and a first page, direct members first, on a synthetic catalog', () => {
    const { ref, answer } = largest;
    const counts = answer.memberCounts!;
    expect(counts.total).toBeGreaterThan(30);
    expect(counts.nested).toBeGreaterThan(0);
    expect(counts.direct + counts.nested).toBe(counts.total);
    expect(answer.summary[0]).toBe(
      `has ${counts.total.toLocaleString('en-US')} members (${
        counts.direct
      } direct, ${counts.nested} through nested groups)`,
    );
    // The default page, as sections page.
    expect(answer.members).toHaveLength(10);
    expect(answer.membersOffset).toBe(0);

    const pages = everyPage(synthetic, ref, 7);
    const all = pages.flat();
    expect(pages.slice(0, -1).every(page => page.length === 7)).toBe(true);
    expect(all).toHaveLength(counts.total);
    expect(new Set(all.map(m => m.entity.ref)).size).toBe(counts.total);
    expect(all.slice(0, 10)).toEqual(answer.members);
    expect(all.filter(m => m.nestedGroups === 0)).toHaveLength(counts.direct);
    // Direct members first, then one nested group further at a time, by name within each.
    const order = all.map(m => [m.nestedGroups, m.entity.title] as const);
    const sorted = [...order].sort(
      (a, b) => a[0] - b[0] || a[1].localeCompare(b[1]),
    );
    expect(order).toEqual(sorted);
    // Each member's evidence leads from the member up to the group: one link per level.
    for (const member of all) {
      expect(member.steps[0].from).toBe(member.entity.ref);
      expect(member.steps[member.steps.length - 1].to).toBe(ref);
      expect(member.steps.length).toBeGreaterThanOrEqual(
        member.nestedGroups + 1,
      );
    }
  });

  it('pages members the same as a whole list would, in a wide estate with nested groups', () => {
    const graph = InventoryGraph.build(
      wideEstateEntities({ folders: 1, projects: 1, buckets: 0 }),
    );
    const whole = ownership(graph, 'admins@example.org', { pageSize: 500 });
    expect(whole.memberCounts).toEqual({ total: 3, direct: 2, nested: 1 });
    expect(whole.members.map(m => [m.entity.ref, m.nestedGroups])).toEqual([
      ['user:default/bob', 0],
      ['group:default/platform', 0],
      ['user:default/alice', 1],
    ]);
    expect(everyPage(graph, 'admins@example.org', 2).flat()).toEqual(
      whole.members,
    );
  });

  it('sends no members with another section’s page, and refuses a members page where there are none', () => {
    const { ref, answer } = largest;
    const page = ownership(synthetic, ref, { section: answer.sections[0].key });
    expect(page.sections).toHaveLength(1);
    expect(page.members).toEqual([]);
    expect(page.memberCounts).toEqual(answer.memberCounts);
    const membersOnly = ownership(synthetic, ref, { section: 'members' });
    expect(membersOnly.sections).toEqual([]);
    expect(() =>
      ownership(synthetic, 'user-1', { section: 'members' }),
    ).toThrow(
      "This answer has no section 'members': only a group with members has one",
    );
    const person = ownership(synthetic, 'user-1');
    expect(person.members).toEqual([]);
    expect(person.memberCounts).toBeUndefined();
  });
});
