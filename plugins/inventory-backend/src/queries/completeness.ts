import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  addTo,
  ANNOTATIONS,
  BACKSTAGE_ANNOTATIONS,
  CompletenessCheck,
  CompletenessResponse,
  EntityScorecard,
  NO_GROUP_KEY,
  RESOURCE_TYPES,
  ScoreTotals,
  TO_FIX_LIMIT,
  isUnowned,
} from '@infra-atlas/inventory-common';
import { InventoryGraph, normalizeRef, refOf } from '../graph/InventoryGraph';
import { administratorsOf, ownershipOf, specString } from '../graph/specs';
import { isDocsLink } from './docsLinks';

/** What the checks need beyond the graph, computed once per index build. */
export type CompletenessFacts = {
  /** GCP project IDs declared in git (infra.yaml), when the GitHub inventory has run. */
  declaredProjects?: Set<string>;
  /** Principal ref → login of the emeritus person it stands for. */
  emeritusPrincipals: Map<string, string>;
};

const SCORED_KINDS = new Set(['component', 'system', 'resource']);
const OWNER_LABEL = /^(sig|wg|committee)\//;

const check = (
  id: CompletenessCheck['id'],
  passed: boolean,
  detail: string,
) => ({
  id,
  passed,
  detail,
});

function ownerCheck(graph: InventoryGraph, entity: Entity): CompletenessCheck {
  const owner = specString(entity, 'owner');
  const evidence =
    entity.metadata.annotations?.[ANNOTATIONS.ownerEvidence] ?? '';
  if (!owner) return check('owner-resolved', false, 'no spec.owner');
  const ref = normalizeRef(owner, 'group');
  if (isUnowned(ref))
    return check('owner-resolved', false, evidence || 'unowned');
  if (!graph.has(ref))
    return check(
      'owner-resolved',
      false,
      `owner ${owner} is not in the catalog`,
    );
  if (/fallback/i.test(evidence)) {
    return check(
      'owner-resolved',
      false,
      `owner ${owner} is the fallback: ${evidence}`,
    );
  }
  return check('owner-resolved', true, `owned by ${owner}`);
}

function docsCheck(entity: Entity): CompletenessCheck {
  if (entity.metadata.annotations?.[BACKSTAGE_ANNOTATIONS.techdocsRef]) {
    return check('docs', true, 'has TechDocs');
  }
  const link = (entity.metadata.links ?? []).find(isDocsLink);
  return link
    ? check('docs', true, `runbook link ${link.url}`)
    : check('docs', false, 'no TechDocs and no runbook link');
}

function sourceCheck(
  entity: Entity,
  facts: CompletenessFacts,
): CompletenessCheck | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const type = specString(entity, 'type');
  if (type === RESOURCE_TYPES.gcpProject) {
    if (!facts.declaredProjects) return undefined;
    const id = annotations[ANNOTATIONS.gcpProjectId];
    return id && facts.declaredProjects.has(id)
      ? check('source-known', true, `declared in infra.yaml`)
      : check('source-known', false, `project ${id} is not declared in git`);
  }
  if (entity.kind.toLowerCase() === 'resource') return undefined;
  const source =
    annotations[BACKSTAGE_ANNOTATIONS.sourceLocation] ??
    annotations[ANNOTATIONS.declaredIn];
  return source
    ? check('source-known', true, source.replace(/^url:/, ''))
    : check('source-known', false, 'no source location');
}

function repositoryChecks(entity: Entity): CompletenessCheck[] {
  const entries = ownershipOf(entity);
  const root = entries.find(e => e.dir === '');
  if (!root) {
    return [check('owners-sig-label', false, 'no root OWNERS file')];
  }
  const label = (root.labels ?? []).find(l => OWNER_LABEL.test(l));
  const emeritus = new Set(root.emeritus ?? []);
  const active = (root.approvers ?? []).filter(a => !emeritus.has(a));
  return [
    label
      ? check('owners-sig-label', true, `root OWNERS labels ${label}`)
      : check(
          'owners-sig-label',
          false,
          'root OWNERS has no sig/, wg/ or committee/ label',
        ),
    active.length >= 2
      ? check('two-active-approvers', true, `${active.length} active approvers`)
      : check(
          'two-active-approvers',
          false,
          `${active.length} active approver(s) in root OWNERS`,
        ),
  ];
}

function emeritusAdminCheck(entity: Entity, facts: CompletenessFacts) {
  const administrators = administratorsOf(entity);
  if (!administrators.length) return undefined;
  const stale = administrators.filter(
    g => g.ref && facts.emeritusPrincipals.has(normalizeRef(g.ref)),
  );
  if (!stale.length)
    return check('no-emeritus-admins', true, 'no emeritus administrators');
  const who = stale.map(
    g =>
      `${facts.emeritusPrincipals.get(normalizeRef(g.ref!))} via ${g.ref} (${
        g.role
      })`,
  );
  return check(
    'no-emeritus-admins',
    false,
    `emeritus: ${[...new Set(who)].join('; ')}`,
  );
}

/** The scorecard of one entity, or undefined for kinds that are not scored (users, groups…). */
export function scorecard(
  graph: InventoryGraph,
  entity: Entity,
  facts: CompletenessFacts,
): EntityScorecard | undefined {
  const kind = entity.kind.toLowerCase();
  if (!SCORED_KINDS.has(kind)) return undefined;
  const type = specString(entity, 'type');
  const checks = [
    ownerCheck(graph, entity),
    ...(kind === 'component' || kind === 'system' ? [docsCheck(entity)] : []),
    sourceCheck(entity, facts),
    ...(type === 'repository' ? repositoryChecks(entity) : []),
    emeritusAdminCheck(entity, facts),
  ].filter((c): c is CompletenessCheck => !!c);
  const ref = refOf(entity);
  const owner = specString(entity, 'owner');
  const system =
    specString(entity, 'system') ??
    graph.out(ref, ['partOf']).find(e => e.target.startsWith('system:'))
      ?.target;
  return {
    entity: graph.summary(ref),
    ...(owner ? { owner: normalizeRef(owner, 'group') } : {}),
    ...(system ? { system: normalizeRef(system, 'system') } : {}),
    checks,
    score: checks.filter(c => c.passed).length / checks.length,
  };
}

export function totalsOf(cards: EntityScorecard[]): ScoreTotals {
  const totals: ScoreTotals = {
    entities: cards.length,
    checks: 0,
    passed: 0,
    score: 1,
    failing: {},
  };
  for (const card of cards) {
    for (const c of card.checks) {
      totals.checks++;
      if (c.passed) totals.passed++;
      else totals.failing[c.id] = (totals.failing[c.id] ?? 0) + 1;
    }
  }
  totals.score = totals.checks ? totals.passed / totals.checks : 1;
  return totals;
}

/** Scorecards grouped by owner or by system, each group with its totals. */
export function groupTotals(cards: EntityScorecard[], by: 'owner' | 'system') {
  const groups = new Map<string, EntityScorecard[]>();
  for (const card of cards) {
    const key = card[by] ?? NO_GROUP_KEY;
    addTo(groups, key, card);
  }
  return [...groups.entries()]
    .map(([key, list]) => ({ key, totals: totalsOf(list) }))
    .sort(
      (a, b) => a.totals.score - b.totals.score || a.key.localeCompare(b.key),
    );
}

export type CompletenessScope = 'all' | 'owner' | 'system' | 'entity';
export const COMPLETENESS_SCOPES: CompletenessScope[] = [
  'all',
  'owner',
  'system',
  'entity',
];
const KIND_OF_SCOPE: Record<CompletenessScope, string | undefined> = {
  all: undefined,
  owner: 'group',
  system: 'system',
  entity: undefined,
};

/**
 * The completeness of everything, of one owner's or system's entities, or of one entity; for
 * `owner` and `system` without a key, each group's totals too. A key the catalog does not
 * have is a 404, not a perfect score over nothing.
 */
export function completeness(
  graph: InventoryGraph,
  cards: EntityScorecard[],
  scope: CompletenessScope,
  rawKey?: string,
): Omit<CompletenessResponse, 'history'> {
  if (rawKey && scope === 'all') {
    throw new InputError("scope 'all' takes no key");
  }
  const key = rawKey
    ? graph.require(normalizeRef(rawKey, KIND_OF_SCOPE[scope])).ref
    : undefined;
  const inScope = cards.filter(card => {
    if (!key) return true;
    if (scope === 'entity') return card.entity.ref === key;
    return card[scope as 'owner' | 'system'] === key;
  });
  const toFix = inScope
    .filter(c => c.score < 1)
    .sort(
      (a, b) => a.score - b.score || a.entity.ref.localeCompare(b.entity.ref),
    )
    .slice(0, TO_FIX_LIMIT);
  return {
    scope,
    ...(key ? { key } : {}),
    totals: totalsOf(inScope),
    ...((scope === 'owner' || scope === 'system') && !key
      ? { groups: groupTotals(cards, scope) }
      : {}),
    toFix,
  };
}
