import { typeBreadth } from '@infra-atlas/inventory-common';
import { syntheticCatalogEntities } from '../../bench/inventoryBenchmark';
import { wideEstateEntities } from '../__testUtils__/wideEstate';
import { InventoryGraph, refOf } from '../graph/InventoryGraph';
import { TimeSlicer } from '../graph/timeSlices';
import { grantsByPrincipal, prepareGrantIndex } from './grantsHeld';
import { built } from './ownershipSections';
import { principalItems } from './principalItems';

/*
 * A principal's grants beyond administration are worked out once per build; each answer
 * reaching the principal must get what it built per question before: one `holds` item per
 * such grant, in reach order, held through the asker's chain.
 */
describe('grants held, worked out per principal', () => {
  it('lists a group’s non-administrative grant, through the asker’s chain', () => {
    const graph = InventoryGraph.build(
      wideEstateEntities({ folders: 1, projects: 2, buckets: 0 }),
    );
    const through = ['user:default/alice', 'group:default/platform'];
    const held = principalItems(graph, 'group:default/platform').held;
    expect(
      held.map(item =>
        built(item, new Map([['group:default/platform', through]])),
      ),
    ).toEqual([
      {
        role: 'holds',
        entity: graph.summary('resource:default/project-0-0'),
        grant: 'roles/editor on projects/project-0-0',
        through,
        steps: [
          expect.objectContaining({
            from: 'group:default/platform',
            relation: 'holds',
            to: 'resource:default/project-0-0',
            note: 'roles/editor on projects/project-0-0',
          }),
        ],
      },
    ]);
    // Its roles/owner on the organization is administration: an `administers` item instead.
    expect(
      principalItems(graph, 'group:default/admins--example.org').held,
    ).toEqual([]);
  });

  it('gives every principal of a synthetic estate one item per grant beyond administration, widest first', () => {
    const graph = InventoryGraph.build(
      syntheticCatalogEntities(2_000).entities,
    );
    const index = grantsByPrincipal(graph);
    const principals = [...graph.ofKind('group'), ...graph.ofKind('user')].map(
      refOf,
    );
    let seen = 0;
    for (const principal of principals) {
      const expected = (index.get(principal) ?? [])
        .filter(h => !h.administrative)
        .map(h => ({
          ref: refOf(h.entity),
          grant: `${h.grant.role} on ${h.grant.grantedOn}`,
          reach: typeBreadth(graph.summary(refOf(h.entity)).type),
          title: graph.summary(refOf(h.entity)).title,
        }))
        .sort((a, b) => a.reach - b.reach || a.title.localeCompare(b.title));
      const held = principalItems(graph, principal).held.map(item =>
        built(item),
      );
      expect(held.map(i => [i.entity.ref, i.grant])).toEqual(
        expected.map(e => [e.ref, expect.stringContaining(e.grant)]),
      );
      expect(
        held.every(i => i.steps.length === 1 && i.steps[0].from === principal),
      ).toBe(true);
      seen += held.length;
    }
    // The estate has such grants: the test compares something.
    expect(seen).toBeGreaterThan(0);
  });
});

describe('the grant index', () => {
  it('built in slices by an index build is the one built in one piece', async () => {
    const { entities } = syntheticCatalogEntities(2000);
    const inOnePiece = grantsByPrincipal(InventoryGraph.build(entities));
    const sliced = InventoryGraph.build(entities);
    // A slicer whose slices are used up at once gives way between every two resources.
    await prepareGrantIndex(sliced, new TimeSlicer(0));
    const index = grantsByPrincipal(sliced);
    expect(index.size).toBeGreaterThan(50);
    expect([...index.keys()]).toEqual([...inOnePiece.keys()]);
    for (const [principal, grants] of index) {
      expect(grants.map(g => [refOf(g.entity), g.grant.role])).toEqual(
        inOnePiece.get(principal)!.map(g => [refOf(g.entity), g.grant.role]),
      );
    }
  });
});
