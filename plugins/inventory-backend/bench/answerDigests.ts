/*
 * One digest per answer, to show that a change to how answers are computed leaves them the
 * same byte for byte: ownership for every User and Group (and every e-mail address a User is
 * known by) at several limits, and administrators for every Resource and Component, on a
 * catalog file (what `GET /api/catalog/entities/by-query` returns, pages concatenated) or on
 * the benchmark's synthetic catalog. Run it before and after, and diff the outputs.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/answerDigests.ts \
 *     [--entities 2000 | --file entities.json] > before.txt
 */
import { Entity } from '@backstage/catalog-model';
import {
  OwnershipItem,
  OwnershipResponse,
  ownershipEvidence,
} from '@infra-atlas/inventory-common';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InventoryGraph } from '../src/graph/InventoryGraph';
import { linkRules, resolveLinks } from '../src/links/resolveLinks';
import { administrators } from '../src/queries/administrators';
import { ownership } from '../src/queries/ownership';
import { syntheticCatalogEntities } from './inventoryBenchmark';

const digest = (answer: unknown) =>
  createHash('sha256').update(JSON.stringify(answer)).digest('hex');

/**
 * An answer without its page of a group's members, which {@link everyMember} covers, and with
 * each item's whole evidence in its `steps` ({@link ownershipEvidence}): an answer that sends
 * the chains of membership once digests as one that sent them with every item.
 */
function withoutMembers(answer: OwnershipResponse) {
  const { members: _m, memberCounts: _c, membersOffset: _o, ...rest } = answer;
  const evidence = ownershipEvidence(answer);
  const joined = (item: OwnershipItem): OwnershipItem => {
    const { through: _through, ...own } = item;
    return { ...own, steps: evidence(item) };
  };
  return {
    ...rest,
    items: rest.items.map(joined),
    sections: rest.sections.map(({ cause, items, ...section }) => ({
      ...section,
      ...(cause ? { cause: joined(cause) } : {}),
      items: items.map(joined),
    })),
  };
}

/**
 * Every member of a group, each with its evidence, in one order whether the answer sends them
 * all (before members were paged) or a page at a time (`section=members`).
 */
function everyMember(graph: InventoryGraph, q: string) {
  const first = ownership(graph, q, { limit: 1, pageSize: 100 });
  const members = [...first.members];
  while (members.length < (first.memberCounts?.total ?? 0)) {
    const page = ownership(graph, q, {
      limit: 1,
      pageSize: 100,
      section: 'members',
      offset: members.length,
    });
    if (!page.members.length) break;
    members.push(...page.members);
  }
  return members.sort((a, b) => a.entity.ref.localeCompare(b.entity.ref));
}

function main() {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', default: '2000' },
      file: { type: 'string' },
    },
  });
  const entities: Entity[] = values.file
    ? JSON.parse(readFileSync(values.file, 'utf8'))
    : syntheticCatalogEntities(Number(values.entities)).entities;
  const rules = linkRules({ matchEmailLocalPart: true });
  const graph = InventoryGraph.build(entities, lookup =>
    resolveLinks(lookup, rules),
  );
  const refOf = (e: Entity) =>
    `${e.kind}:${e.metadata.namespace ?? 'default'}/${
      e.metadata.name
    }`.toLowerCase();
  const people = [...graph.ofKind('user'), ...graph.ofKind('group')];
  const questions = people.map(refOf);
  for (const person of graph.ofKind('user')) {
    const email = (person.spec?.profile as { email?: string } | undefined)
      ?.email;
    if (email) questions.push(email);
  }
  const line = (label: string, answer: () => unknown) => {
    let text: string;
    try {
      text = digest(answer());
    } catch (error) {
      text = `error ${(error as Error).message}`;
    }
    console.log(`${label} ${text}`);
  };
  for (const q of questions.sort()) {
    for (const limit of [1, 20, 200]) {
      line(`ownership ${q} limit=${limit}`, () =>
        withoutMembers(ownership(graph, q, { limit, pageSize: 10 })),
      );
    }
    line(`ownership ${q} every member`, () => everyMember(graph, q));
  }
  const things = [...graph.ofKind('resource'), ...graph.ofKind('component')]
    .map(refOf)
    .sort();
  const now = new Date('2026-12-07T00:00:00Z');
  for (const ref of things) {
    line(`administrators ${ref}`, () => administrators(graph, ref, now));
  }
}

main();
