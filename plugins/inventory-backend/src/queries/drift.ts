import {
  entityTitle,
  titleFromEntityRef,
  addTo,
  ANNOTATIONS,
  DriftFinding,
  DriftKind,
  DriftResponse,
  RESOURCE_TYPES,
} from '@infra-atlas/inventory-common';
import { InventoryGraph, normalizeRef, refOf } from '../graph/InventoryGraph';
import { runSteps, TimeSlicer } from '../graph/timeSlices';
import {
  declaredEvidence,
  edgeEvidence,
  entitiesEvidence,
  entityEvidence,
} from './driftEvidence';
import { nearDuplicateSearch } from './nearDuplicates';
import { ownersFileUrl } from './ownersFiles';
import { danglingPrincipals, staleDirectGrants } from './principalDrift';
import { unownedFindings, unresolvedOwnerLabels } from './ownerDrift';
import { emeritusPrincipals } from './people';
import { leadershipOf, ownershipOf, repositorySlug } from '../graph/specs';

/** A project declared in git, as the GitHub inventory's declared-projects analyzer reports it. */
export type DeclaredProject = {
  projectId: string;
  path: string;
  line?: number;
  /** The file's blob URL; runs recorded before it was kept have only the path. */
  url?: string;
};

export type DriftInputs = {
  /** Undefined when no GitHub crawl has reported declared projects yet. */
  declaredProjects?: DeclaredProject[];
  emeritus: Map<string, string>;
};

const WORKLOAD_IDENTITY_RULE = 'workload-identity-binding';
const REFERENCE_RELATIONS = [
  'runsOn',
  'dependsOn',
  'servedBy',
  'partOf',
  'childOf',
];

/**
 * Declared versus observed, and what contradicts itself: every finding names the entities to
 * fix and the evidence. Computed from the graph and the link rules' misses, so it changes as
 * soon as the catalog does.
 */
export function drift(
  graph: InventoryGraph,
  inputs: DriftInputs,
): DriftResponse {
  return reportOf(
    driftChecks(graph, inputs).flatMap(check => {
      const found = check();
      return Array.isArray(found) ? found : runSteps(found);
    }),
  );
}

/** {@link drift}, giving way to other work between its checks. */
export async function driftInSlices(
  graph: InventoryGraph,
  inputs: DriftInputs,
  slicer: TimeSlicer,
): Promise<DriftResponse> {
  const findings: DriftFinding[] = [];
  for (const check of driftChecks(graph, inputs)) {
    const found = check();
    findings.push(
      ...(Array.isArray(found) ? found : await slicer.steps(found)),
    );
    await slicer.pause();
  }
  return reportOf(findings);
}

/** A check's findings, or the steps that find them when that is long work. */
type DriftCheck = () => DriftFinding[] | Generator<void, DriftFinding[]>;

/** Every kind of drift, in the order the report lists them. */
function driftChecks(graph: InventoryGraph, inputs: DriftInputs): DriftCheck[] {
  return [
    () => projectDrift(graph, inputs.declaredProjects),
    () => danglingReferences(graph),
    () => linkMisses(graph),
    () => aliasLeadership(graph),
    () => emptyProjects(graph),
    () => nearDuplicates(graph),
    () => emeritusStillActive(graph, inputs.emeritus),
    () => staleDirectGrants(graph, inputs.emeritus),
    () => danglingPrincipals(graph),
    () => unownedFindings(graph),
    () => unresolvedOwnerLabels(graph),
  ];
}

function reportOf(findings: DriftFinding[]): DriftResponse {
  return {
    generatedAt: new Date().toISOString(),
    counts: countKinds(findings),
    findings,
  };
}

function countKinds(findings: DriftFinding[]) {
  const counts: Partial<Record<DriftKind, number>> = {};
  for (const f of findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return counts;
}

/** The findings that name an entity (any of their `entities`), counted anew. */
export function driftAbout(
  report: DriftResponse,
  entityRef: string,
): DriftResponse {
  const ref = normalizeRef(entityRef);
  const findings = report.findings.filter(f =>
    f.entities.some(e => normalizeRef(e) === ref),
  );
  return {
    generatedAt: report.generatedAt,
    counts: countKinds(findings),
    findings,
  };
}

function projectDrift(
  graph: InventoryGraph,
  declared?: DeclaredProject[],
): DriftFinding[] {
  if (!declared) return [];
  const observed = new Map(
    graph
      .ofKind('resource', RESOURCE_TYPES.gcpProject)
      .map(p => [
        p.metadata.annotations?.[ANNOTATIONS.gcpProjectId] ?? '',
        refOf(p),
      ]),
  );
  const declaredIds = new Set(declared.map(d => d.projectId));
  const missing = declared
    .filter(d => !observed.has(d.projectId))
    .map(d => ({
      kind: 'declared-project-missing' as const,
      subject: d.projectId,
      message: `Project ${d.projectId} is declared in ${d.path} but GCP has no such project`,
      entities: [],
      evidence: [declaredEvidence(d.url ?? d.path, d.line)],
    }));
  const undeclared = [...observed.entries()]
    .filter(([id]) => id && !declaredIds.has(id))
    .map(([id, ref]) => ({
      kind: 'undeclared-project' as const,
      subject: id,
      message: `Project ${id} exists in GCP but is declared in no infra.yaml`,
      entities: [ref],
      evidence: entitiesEvidence(graph, [ref]),
    }));
  return [...missing, ...undeclared];
}

/** Relations whose target no crawl found: a secret an app mounts, a cluster, a project. */
function* danglingReferences(
  graph: InventoryGraph,
): Generator<void, DriftFinding[]> {
  const findings: DriftFinding[] = [];
  for (const entity of graph.allEntities()) {
    yield;
    const ref = refOf(entity);
    for (const edge of graph.out(ref, REFERENCE_RELATIONS)) {
      if (graph.has(edge.target)) continue;
      const secret = edge.target.includes(`/${RESOURCE_TYPES.gcpSecret}--`);
      findings.push({
        kind: secret ? 'missing-secret' : 'dangling-reference',
        subject: edge.target,
        message: secret
          ? `${entityTitle(entity)} uses secret ${titleFromEntityRef(
              edge.target,
            )}, which Secret Manager does not have`
          : `${entityTitle(entity)} ${edge.type} ${titleFromEntityRef(
              edge.target,
            )}, which is not in the catalog`,
        entities: [ref],
        evidence: edgeEvidence(graph, edge),
      });
    }
  }
  return findings;
}

/** How a finding's message names an entity it holds by ref: by its title, as pages do. */
function titleOfRef(graph: InventoryGraph, ref: string): string {
  const entity = graph.entity(ref);
  return entity ? entityTitle(entity) : titleFromEntityRef(ref);
}

function linkMisses(graph: InventoryGraph): DriftFinding[] {
  const { unresolved, ambiguous } = graph.resolution;
  return [
    ...unresolved.map(u => {
      const orphan = u.rule === WORKLOAD_IDENTITY_RULE && !u.outsideEstate;
      const source = titleOfRef(graph, u.source);
      let message = `${source} names ${u.wanted}, which is not in the catalog (${u.rule})`;
      if (orphan)
        message = `${source} trusts ${u.wanted}, which no app declares`;
      else if (u.outsideEstate) {
        message = `${source} trusts ${u.wanted}, a project outside the crawled estate`;
      }
      return {
        kind: orphan
          ? ('workload-identity-orphan' as const)
          : ('dangling-reference' as const),
        subject: u.source,
        message,
        entities: [u.source],
        evidence: entitiesEvidence(graph, [u.source]),
      };
    }),
    ...ambiguous.map(a => ({
      kind: 'ambiguous-link' as const,
      subject: a.source,
      message: `${titleOfRef(graph, a.source)}: ${a.wanted} matches ${
        a.candidates.length
      } entities; none was chosen (${a.rule})`,
      entities: [a.source, ...a.candidates],
      evidence: entitiesEvidence(graph, [a.source, ...a.candidates]),
    })),
  ];
}

/** OWNERS_ALIASES `sig-<name>-leads` should list the SIG's chairs and tech leads from sigs.yaml. */
function aliasLeadership(graph: InventoryGraph): DriftFinding[] {
  const findings: DriftFinding[] = [];
  // Without sigs.yaml in the catalog, no alias can be checked against it.
  const knowsSigs = graph.ofKind('group', 'sig').length > 0;
  for (const alias of graph.ofKind('group', 'owners-alias')) {
    const match = alias.metadata.name.match(/--((?:sig|wg)-[a-z0-9-]+)-leads$/);
    if (!match) continue;
    const group = graph.entity(`group:default/${match[1]}`);
    if (!group && knowsSigs) {
      findings.push({
        kind: 'alias-leadership-mismatch',
        subject: refOf(alias),
        message: `OWNERS_ALIASES ${
          alias.metadata.title ?? alias.metadata.name
        } names ${match[1]}, which sigs.yaml no longer lists`,
        entities: [refOf(alias)],
        evidence: entityEvidence(alias),
      });
    }
    const lead = leadershipOf(group);
    if (!group || !lead) continue;
    const members = new Set(
      graph.in(refOf(alias), ['memberOf']).map(e => e.source.split('/').pop()!),
    );
    const leads = new Set(
      [...(lead.chairs ?? []), ...(lead.techLeads ?? [])].map(
        r => normalizeRef(r).split('/').pop()!,
      ),
    );
    const notLeads = [...members].filter(m => !leads.has(m)).sort();
    const missing = [...leads].filter(l => !members.has(l)).sort();
    if (!notLeads.length && !missing.length) continue;
    findings.push({
      kind: 'alias-leadership-mismatch',
      subject: refOf(alias),
      message: `OWNERS_ALIASES ${
        alias.metadata.title ?? alias.metadata.name
      } disagrees with sigs.yaml leadership of ${match[1]}:${
        notLeads.length ? ` not a lead: ${notLeads.join(', ')};` : ''
      }${
        missing.length
          ? ` lead missing from the alias: ${missing.join(', ')}`
          : ''
      }`.replace(/;$/, ''),
      entities: [refOf(alias), refOf(group)],
      evidence: [...entityEvidence(alias), ...entityEvidence(group)],
    });
  }
  return findings;
}

function emptyProjects(graph: InventoryGraph): DriftFinding[] {
  return graph
    .ofKind('resource', RESOURCE_TYPES.gcpProject)
    .filter(p => graph.in(refOf(p), ['childOf', 'runsOn']).length === 0)
    .map(p => ({
      kind: 'empty-project' as const,
      subject:
        p.metadata.annotations?.[ANNOTATIONS.gcpProjectId] ?? p.metadata.name,
      message: `Project ${entityTitle(
        p,
      )} holds no resources the inventory can see`,
      entities: [refOf(p)],
      evidence: entityEvidence(p),
    }));
}

function* nearDuplicates(
  graph: InventoryGraph,
): Generator<void, DriftFinding[]> {
  const findings: DriftFinding[] = [];
  // Buckets are left out: most are named after their project, so a project pair shows up
  // once per bucket, and there are too many of them for the pairing to stay cheap.
  for (const type of [
    RESOURCE_TYPES.gcpProject,
    RESOURCE_TYPES.gcpServiceAccount,
  ]) {
    const byName = new Map<string, string>();
    for (const e of graph.ofKind('resource', type)) {
      byName.set((e.metadata.title ?? e.metadata.name).toLowerCase(), refOf(e));
    }
    for (const [a, b] of yield* nearDuplicateSearch([...byName.keys()])) {
      findings.push({
        kind: 'near-duplicate-name',
        subject: `${a} / ${b}`,
        message: `${type} names ${a} and ${b} differ by one character`,
        entities: [byName.get(a)!, byName.get(b)!],
        evidence: entitiesEvidence(graph, [byName.get(a)!, byName.get(b)!]),
      });
    }
  }
  return findings;
}

function emeritusStillActive(
  graph: InventoryGraph,
  emeritus: Map<string, string>,
): DriftFinding[] {
  const findings: DriftFinding[] = [];
  // Listed as emeritus and as approver of the same directory: one finding per person and repo.
  for (const repo of graph.ofKind('component', 'repository')) {
    const dirs = new Map<string, string[]>();
    for (const entry of ownershipOf(repo)) {
      const retired = new Set(entry.emeritus ?? []);
      for (const login of (entry.approvers ?? []).filter(a => retired.has(a))) {
        addTo(dirs, login, entry.dir || '/');
      }
    }
    const slug = repositorySlug(repo);
    for (const [login, list] of dirs) {
      findings.push({
        kind: 'emeritus-still-active',
        subject: login,
        message: `${login} is both emeritus and approver in ${
          list.length
        } OWNERS director${list.length === 1 ? 'y' : 'ies'} of ${slug} (${list
          .slice(0, 5)
          .join(', ')}${list.length > 5 ? ', …' : ''})`,
        entities: [refOf(repo), `user:default/${login}`],
        evidence: list.slice(0, 5).flatMap(dir => {
          const file = ownersFileUrl(repo, dir === '/' ? '' : dir);
          return file ? [declaredEvidence(file)] : [];
        }),
      });
    }
  }
  // Stepped down everywhere, yet still in a group that administers something.
  const principals = emeritusPrincipals(graph, emeritus);
  const byPerson = new Map<string, string[]>();
  for (const [principal, login] of principals) {
    if (
      principal.startsWith('group:') &&
      graph.in(principal, ['administeredBy']).length
    ) {
      addTo(byPerson, login, principal);
    }
  }
  for (const [login, groups] of byPerson) {
    findings.push({
      kind: 'emeritus-still-active',
      subject: login,
      message: `${login} (${emeritus.get(login)}) is still a member of ${
        groups.length
      } group(s) with administrative grants`,
      entities: [`user:default/${login}`, ...groups.sort()],
      evidence: entitiesEvidence(graph, groups),
    });
  }
  return findings;
}
