/*
 * Inventory benchmark: a synthetic catalog (50,000 entities, ~200,000 relations at the
 * default size) fed by an entity provider into the real catalog on PostgreSQL, the inventory
 * plugin building its index over it, and its lookups under concurrent load from a second
 * process on loopback.
 *
 *   yarn workspace @infra-atlas/plugin-inventory-backend bench \
 *     [--entities 50000] [--requests 2000] [--concurrency 16] [--catalog memory]
 *     [--lookups placement,ownership] [--rounds 3] [--rebuilds 2]
 *
 * `--rounds N` measures the idle rows N times, round by round, and prints each lookup's
 * median; `--rebuilds 0` leaves out the rows measured while the index rebuilds.
 *
 * With `--catalog memory` the catalog is served from memory instead (the inventory reads it
 * through the catalog service all the same; its own tables stay in PostgreSQL).
 *
 * `--keep-catalog NAME` keeps the PostgreSQL databases (prefix `atlas_bench_NAME_`) instead of
 * dropping them, and a later run with the same NAME and catalog starts from them: ingesting
 * 50,000 entities takes the catalog 8 minutes on a quiet machine and far longer on a busy one,
 * so the catalog can be filled once and the lookups measured again after each change. Drop
 * them with `psql -c 'DROP DATABASE …'` (one per plugin).
 *
 * Needs ATLAS_TEST_POSTGRES_URL (source scripts/postgres.sh && atlas_ensure_postgres); the
 * databases it creates are dropped at the end. Prints the catalog's shape, the index build
 * and refresh times and memory, and one row per lookup: requests, wall time, throughput and
 * p50/p95/p99/max latency. Results are in docs/infra-atlas/benchmarks.md.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  EntityProvider,
  EntityProviderConnection,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { Random, prng } from '@infra-atlas/emulators/src/shared/random';
import {
  ANNOTATIONS,
  AccessPower,
  GrantCondition,
  RESOURCE_TYPES,
  StatusResponse,
  emailPrincipalEntityName,
  gcpFolderEntityName,
  gcpOrganizationEntityName,
  gcpProjectEntityName,
  gcpSecretEntityName,
  gcpServiceAccountEntityName,
  gcsBucketEntityName,
  githubUserEntityName,
  gkeClusterEntityName,
  kubernetesAppEntityName,
  kubernetesNamespaceEntityName,
} from '@infra-atlas/inventory-common';
import catalogModuleInventoryRelations from '@infra-atlas/plugin-catalog-backend-module-inventory';
import {
  peakRssMb,
  printMarkdownTable,
  TestDatabase,
  testDatabases,
} from '@infra-atlas/test-utils';
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Knex } from 'knex';
import { inventoryPlugin } from '../src/plugin';
import {
  LoadSubjects,
  RouteResult,
  mixedRoutes,
  printRouteResults,
  runFixedRate,
} from './loadRun';

const LOCATION = 'bench:inventory';
const ORG_ID = '100000000001';
const SEED = 20240611;

// ---------------------------------------------------------------------------------------------
// The synthetic catalog

/** Entity refs the load generator picks its questions from. */
type Subjects = {
  /** Every Resource and Component: placement and administrators. */
  things: string[];
  /** Impact targets by type (folder, project, cluster, namespace, secret), picked type first. */
  impact: string[][];
  /** Logins, group refs and e-mail addresses: ownership. */
  people: string[];
  /** Owner groups: completeness by owner. */
  owners: string[];
};

type SyntheticCatalog = {
  entities: Entity[];
  counts: Record<string, number>;
  /** Relations the index should hold: each fact once, forward, including inferred `sameAs`. */
  relations: Map<string, number>;
  /** Every fact, forward, as `source\u0000type\u0000target` (lowercased). */
  facts: string[];
  subjects: Subjects;
};

/** A binding as the GCP provider lists it in `spec.access.grants`. */
type Grant = {
  member: string;
  role: string;
  grantedOn: string;
  inherited: boolean;
  power: AccessPower;
  condition?: GrantCondition;
  ref?: string;
};

/** What each role the generator grants lets its holder do, as the GCP provider reads it. */
const ROLE_POWERS: Record<string, AccessPower> = {
  'roles/owner': 'administer',
  'roles/storage.admin': 'administer',
  'roles/resourcemanager.organizationAdmin': 'administer',
  // The community's rules (the GCP provider's DEFAULT_ROLE_RULES) count an editor as an
  // administrator.
  'roles/editor': 'administer',
  'roles/container.developer': 'write',
  'roles/storage.objectAdmin': 'write',
  'roles/viewer': 'read',
  'roles/iam.securityReviewer': 'read',
  'roles/billing.admin': 'other',
};

const BREAK_GLASS: GrantCondition = {
  title: 'break-glass',
  expression: "request.auth.access_levels.exists(l, l == 'break-glass')",
};
const EXPIRED: GrantCondition = {
  title: 'migration',
  expression: 'request.time < timestamp("2024-06-01T00:00:00Z")',
  expiresAt: '2024-06-01T00:00:00.000Z',
};

/**
 * A GCP organization with folders, projects and resources (buckets, service accounts,
 * secrets, clusters) carrying IAM grants to groups; namespaces and apps on the clusters; a
 * nested group tree and its members. Shaped like what the GCP and GitHub providers emit, at
 * the proportions of the issue: 50,000 entities ≈ 200,000 relations. Deterministic.
 */
export function syntheticCatalog(total: number): SyntheticCatalog {
  const random = prng(SEED);
  const scale = total / 50_000;
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const counts = {
    folders: n(20),
    projects: n(2_000),
    clusters: n(200),
    namespaces: n(2_000),
    apps: n(2_000),
    secrets: n(8_000),
    groups: Math.max(12, n(500)),
    users: n(3_150),
    emailUsers: n(350),
    buckets: 0,
    serviceAccounts: 0,
  };
  const rest =
    total -
    1 -
    Object.values(counts).reduce((a, b) => a + b, 0) -
    0; /* the organization */
  counts.buckets = Math.max(0, Math.ceil(rest / 2));
  counts.serviceAccounts = Math.max(0, rest - counts.buckets);

  const entities: Entity[] = [];
  const relations = new Map<string, number>();
  const relate = (source: string, type: string, target: string) => {
    const key = `${source}\u0000${type}\u0000${target}`.toLowerCase();
    if (!relations.has(key)) relations.set(key, relations.size);
  };
  const refCounts = new Map<string, number>();
  const countRelations = () => {
    for (const key of relations.keys()) {
      const type = key.split('\u0000')[1];
      refCounts.set(type, (refCounts.get(type) ?? 0) + 1);
    }
  };

  // Groups: a root for the organization admins, departments, then teams nested under them.
  const groupEmails = Array.from({ length: counts.groups }, (_, i) =>
    i === 0 ? 'org-admins@example.com' : `team-${i}@example.com`,
  );
  const groupRef = (i: number) =>
    `group:default/${emailPrincipalEntityName(groupEmails[i])}`;
  const departments = Math.max(2, Math.round(counts.groups / 50));
  const children: number[][] = groupEmails.map(() => []);
  for (let i = departments + 1; i < counts.groups; i++) {
    const parent = 1 + random.int(i - 1);
    children[parent].push(i);
    relate(groupRef(i), 'childOf', groupRef(parent));
  }
  groupEmails.forEach((email, i) =>
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: emailPrincipalEntityName(email),
        title: email,
        annotations: {
          ...managed(),
          [ANNOTATIONS.provenance]: 'declared',
          [ANNOTATIONS.slackChannel]: email.split('@')[0],
        },
      },
      spec: {
        type: 'team',
        profile: { email, displayName: email },
        children: children[i].map(groupRef),
      },
    }),
  );
  const teams = Array.from({ length: counts.groups - 1 }, (_, i) => i + 1);
  const pickTeam = () => 1 + random.int(counts.groups - 1);

  // People: GitHub logins in one to nine groups; some also appear by a personal address,
  // which the inventory links to the login (sameAs, inferred).
  const logins: string[] = [];
  for (let i = 0; i < counts.users; i++) {
    const login = `user-${i}`;
    logins.push(login);
    const ref = `user:default/${githubUserEntityName(login)}`;
    const groups = random.some(teams, 1 + random.int(9)).map(groupRef);
    if (i < 5) groups.push(groupRef(0));
    for (const group of groups) relate(ref, 'memberOf', group);
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name: githubUserEntityName(login),
        annotations: {
          ...managed(),
          [ANNOTATIONS.provenance]: 'declared',
          'github.com/user-login': login,
        },
      },
      spec: {
        profile: { email: `${login}@example.com`, displayName: login },
        memberOf: groups,
      },
    });
  }
  const emails: string[] = [];
  while (emails.length < Math.min(counts.emailUsers, logins.length)) {
    const email = `${random.pick(logins)}@gmail.com`;
    if (emails.includes(email)) continue;
    emails.push(email);
    const login = email.split('@')[0];
    const ref = `user:default/${emailPrincipalEntityName(email)}`;
    relate(`user:default/${githubUserEntityName(login)}`, 'sameAs', ref);
    const groups = random.some(teams, 1 + random.int(3)).map(groupRef);
    for (const group of groups) relate(ref, 'memberOf', group);
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name: emailPrincipalEntityName(email),
        title: email,
        annotations: { ...managed(), [ANNOTATIONS.provenance]: 'observed' },
      },
      spec: { profile: { email, displayName: email }, memberOf: groups },
    });
  }

  const grantTo = (
    group: number,
    role: string,
    grantedOn: string,
    condition?: GrantCondition,
  ): Grant => ({
    member: `group:${groupEmails[group]}`,
    role,
    grantedOn,
    inherited: false,
    power: ROLE_POWERS[role],
    ...(condition ? { condition } : {}),
    ref: groupRef(group),
  });
  // The bindings beyond the groups above (reading groups, people, service accounts, break-glass
  // and expired ones) come from a random source of their own, so the rest of the catalog is
  // the same as before they were added.
  const more = prng(SEED + 1);
  const personGrant = (role: string, grantedOn: string): Grant => {
    const email = more.pick(emails);
    return {
      member: `user:${email}`,
      role,
      grantedOn,
      inherited: false,
      power: ROLE_POWERS[role],
      ref: `user:default/${emailPrincipalEntityName(email)}`,
    };
  };
  // CI robots of a project outside the estate (as k8s-infra's build clusters): no entity, and
  // no dangling-principal finding, which only the estate's own service accounts can be.
  const robotGrant = (role: string, grantedOn: string): Grant => ({
    member: `serviceAccount:robot-${more.int(
      20,
    )}@bench-ci.iam.gserviceaccount.com`,
    role,
    grantedOn,
    inherited: false,
    power: ROLE_POWERS[role],
  });
  /** Who reads and writes beside the administrators, as a real policy has them. */
  const otherGrants = (grantedOn: string): Grant[] => [
    grantTo(pickMoreTeam(), 'roles/viewer', grantedOn),
    ...(more.next() < 0.5
      ? [grantTo(pickMoreTeam(), 'roles/container.developer', grantedOn)]
      : []),
    ...(more.next() < 0.4 && emails.length
      ? [personGrant('roles/viewer', grantedOn)]
      : []),
    ...(more.next() < 0.6
      ? [robotGrant('roles/storage.objectAdmin', grantedOn)]
      : []),
    ...(more.next() < 0.1
      ? [grantTo(pickMoreTeam(), 'roles/owner', grantedOn, BREAK_GLASS)]
      : []),
    ...(more.next() < 0.05
      ? [grantTo(pickMoreTeam(), 'roles/editor', grantedOn, EXPIRED)]
      : []),
  ];
  function pickMoreTeam() {
    return 1 + more.int(counts.groups - 1);
  }
  const directGrants = (count: number, grantedOn: string, owner?: number) =>
    Array.from({ length: count }, (_, i) =>
      grantTo(
        i === 0 && owner !== undefined ? owner : pickTeam(),
        random.pick(['roles/owner', 'roles/editor', 'roles/storage.admin']),
        grantedOn,
      ),
    );
  const resource = (options: {
    name: string;
    type: string;
    owner: number;
    parent?: string;
    runsOn?: string;
    /** The bindings of its own policy. */
    grants?: Grant[];
    /** For the hierarchy: the administration it inherits, which its relations also name. */
    inherited?: Grant[];
    fullName?: string;
    projectId?: string;
    declared?: boolean;
  }) => {
    const ref = `resource:default/${options.name}`;
    relate(ref, 'ownedBy', groupRef(options.owner));
    if (options.parent) relate(ref, 'childOf', options.parent);
    if (options.runsOn) relate(ref, 'runsOn', options.runsOn);
    const grants = options.grants ?? [];
    // As the GCP provider: only permanent administration becomes a relation.
    const administrators = [...grants, ...(options.inherited ?? [])].filter(
      g => g.power === 'administer' && !g.condition,
    );
    for (const grant of administrators)
      if (grant.ref) relate(ref, 'administeredBy', grant.ref);
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: options.name,
        annotations: {
          ...managed(),
          [ANNOTATIONS.provenance]: options.declared ? 'declared' : 'observed',
          [ANNOTATIONS.ownerEvidence]:
            random.next() < 0.05
              ? 'fallback: no owner label'
              : 'owner label on the project',
          ...(options.fullName
            ? { [ANNOTATIONS.gcpResourceName]: options.fullName }
            : {}),
          ...(options.projectId
            ? { [ANNOTATIONS.gcpProjectId]: options.projectId }
            : {}),
        },
      },
      spec: {
        type: options.type,
        owner: groupRef(options.owner),
        ...(options.parent ? { parent: options.parent } : {}),
        ...(options.runsOn ? { runsOn: options.runsOn } : {}),
        ...(grants.length || administrators.length
          ? { access: { administrators, grants } }
          : {}),
      },
    });
    return ref;
  };
  const crm = '//cloudresourcemanager.googleapis.com';

  // The hierarchy: organization → folders → projects, each listing its own and inherited grants.
  const orgGrants = [
    grantTo(
      0,
      'roles/resourcemanager.organizationAdmin',
      `organizations/${ORG_ID}`,
    ),
  ];
  const org = resource({
    name: gcpOrganizationEntityName(ORG_ID),
    type: RESOURCE_TYPES.gcpOrganization,
    owner: 0,
    grants: [
      ...orgGrants,
      grantTo(0, 'roles/billing.admin', `organizations/${ORG_ID}`),
      grantTo(
        pickMoreTeam(),
        'roles/iam.securityReviewer',
        `organizations/${ORG_ID}`,
      ),
      grantTo(
        pickMoreTeam(),
        'roles/owner',
        `organizations/${ORG_ID}`,
        BREAK_GLASS,
      ),
    ],
    fullName: `${crm}/organizations/${ORG_ID}`,
  });
  const folders = Array.from({ length: counts.folders }, (_, i) => {
    const id = String(200000000000 + i);
    const own = directGrants(2, `folders/${id}`);
    const ref = resource({
      name: gcpFolderEntityName(id),
      type: RESOURCE_TYPES.gcpFolder,
      owner: pickTeam(),
      parent: org,
      grants: [...own, ...otherGrants(`folders/${id}`)],
      inherited: orgGrants.map(g => ({ ...g, inherited: true })),
      fullName: `${crm}/folders/${id}`,
    });
    return { ref, grants: own };
  });
  const projects = Array.from({ length: counts.projects }, (_, i) => {
    const id = `bench-project-${i}`;
    const folder = random.pick(folders);
    const owner = pickTeam();
    const own = directGrants(2, `projects/${id}`, owner);
    const ref = resource({
      name: gcpProjectEntityName(id),
      type: RESOURCE_TYPES.gcpProject,
      owner,
      parent: folder.ref,
      grants: [...own, ...otherGrants(`projects/${id}`)],
      inherited: [...folder.grants, ...orgGrants].map(g => ({
        ...g,
        inherited: true,
      })),
      fullName: `${crm}/projects/${id}`,
      projectId: id,
    });
    return { id, ref, owner, secrets: [] as string[] };
  });
  // Resources in projects: their own grants only, as the GCP provider lists them.
  const inProject = (
    type: string,
    name: (project: (typeof projects)[number], i: number) => string,
    i: number,
  ) => {
    const project = random.pick(projects);
    const ref = resource({
      name: name(project, i),
      type,
      owner: random.next() < 0.8 ? project.owner : pickTeam(),
      parent: project.ref,
      // 1.8 grants to groups on average, and who else the resource's own policy names.
      grants: [
        ...directGrants(
          random.int(4) + (random.next() < 0.3 ? 1 : 0),
          `projects/${project.id}`,
        ),
        ...(more.next() < 0.3 ? otherGrants(`projects/${project.id}`) : []),
      ],
      fullName: `//bench.googleapis.com/projects/${project.id}/${type}/${i}`,
      projectId: project.id,
    });
    return { ref, project };
  };
  const clusters = Array.from({ length: counts.clusters }, (_, i) => {
    const { ref, project } = inProject(
      RESOURCE_TYPES.gkeCluster,
      p => gkeClusterEntityName(p.id, 'us-central1', `cluster-${i}`),
      i,
    );
    return {
      ref,
      project,
      id: {
        projectId: project.id,
        location: 'us-central1',
        name: `cluster-${i}`,
      },
    };
  });
  const secrets: string[] = [];
  for (let i = 0; i < counts.secrets; i++) {
    const { ref, project } = inProject(
      RESOURCE_TYPES.gcpSecret,
      p => gcpSecretEntityName(p.id, `secret-${i}`),
      i,
    );
    project.secrets.push(ref);
    secrets.push(ref);
  }
  for (let i = 0; i < counts.buckets; i++) {
    inProject(
      RESOURCE_TYPES.gcsBucket,
      () => gcsBucketEntityName(`bench-bucket-${i}`),
      i,
    );
  }
  for (let i = 0; i < counts.serviceAccounts; i++) {
    inProject(
      RESOURCE_TYPES.gcpServiceAccount,
      p =>
        gcpServiceAccountEntityName(`sa-${i}@${p.id}.iam.gserviceaccount.com`),
      i,
    );
  }

  // Namespaces on clusters and one app in each, which mounts secrets (a few of them missing).
  const namespaces: string[] = [];
  for (let i = 0; i < counts.namespaces; i++) {
    const cluster = random.pick(clusters);
    const owner = pickTeam();
    const namespace = `ns-${i}`;
    const ref = resource({
      name: kubernetesNamespaceEntityName(cluster.id, namespace),
      type: RESOURCE_TYPES.kubernetesNamespace,
      owner,
      runsOn: cluster.ref,
      declared: true,
    });
    namespaces.push(ref);
    if (i >= counts.apps) continue;
    const appName = kubernetesAppEntityName(cluster.id, `app-${i}`);
    const appRef = `component:default/${appName}`;
    // Up to three of the project's secrets, others from anywhere: five in all.
    const mounts = new Set(random.some(cluster.project.secrets, 3));
    while (mounts.size < Math.min(5, secrets.length))
      mounts.add(random.pick(secrets));
    if (random.next() < 0.02) {
      mounts.add(
        `resource:default/${gcpSecretEntityName(cluster.project.id, 'gone')}`,
      );
    }
    relate(appRef, 'ownedBy', groupRef(owner));
    relate(appRef, 'runsOn', ref);
    for (const secret of mounts) relate(appRef, 'dependsOn', secret);
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: appName,
        title: `app-${i}`,
        annotations: {
          ...managed(),
          [ANNOTATIONS.provenance]: 'declared',
          [ANNOTATIONS.declaredIn]: `https://github.com/bench/apps/tree/main/app-${i}`,
          ...(random.next() < 0.7
            ? {
                'backstage.io/source-location': `url:https://github.com/bench/apps/tree/main/app-${i}`,
              }
            : {}),
        },
        ...(random.next() < 0.5
          ? {
              links: [
                {
                  url: `https://runbooks.example.com/app-${i}`,
                  title: 'Runbook',
                },
              ],
            }
          : {}),
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: groupRef(owner),
        runsOn: ref,
        dependsOn: [...mounts],
      },
    });
  }

  countRelations();
  const kinds: Record<string, number> = {};
  for (const e of entities) {
    const key = `${e.kind}${
      (e.spec as any)?.type ? ` ${(e.spec as any).type}` : ''
    }`;
    kinds[key] = (kinds[key] ?? 0) + 1;
  }
  const things = entities
    .filter(e => e.kind === 'Resource' || e.kind === 'Component')
    .map(e => `${e.kind.toLowerCase()}:default/${e.metadata.name}`);
  return {
    entities,
    counts: kinds,
    relations: refCounts,
    facts: [...relations.keys()],
    subjects: {
      things,
      impact: [
        folders.map(f => f.ref),
        projects.map(p => p.ref),
        clusters.map(c => c.ref),
        namespaces,
        secrets,
      ],
      people: [...logins, ...teams.map(groupRef), ...emails],
      owners: teams.map(groupRef),
    },
  };
}

/** The generator keys facts lowercased; relation types are camel case in the catalog. */
const RELATION_CASE = new Map(
  [
    'childOf',
    'memberOf',
    'ownedBy',
    'administeredBy',
    'dependsOn',
    'runsOn',
    'sameAs',
  ].map(type => [type.toLowerCase(), type]),
);

/**
 * The synthetic catalog's entities with their relations attached, as the catalog serves them
 * once it has processed them (each fact from its source; the graph reads both directions).
 */
export function syntheticCatalogEntities(total: number) {
  const catalog = syntheticCatalog(total);
  const byRef = new Map<string, Entity>();
  for (const entity of catalog.entities) {
    const ref = `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
      entity.metadata.name
    }`.toLowerCase();
    entity.relations = [];
    byRef.set(ref, entity);
  }
  for (const key of catalog.facts) {
    const [source, type, targetRef] = key.split('\u0000');
    byRef
      .get(source)
      ?.relations!.push({ type: RELATION_CASE.get(type) ?? type, targetRef });
  }
  return { entities: catalog.entities, subjects: catalog.subjects };
}

/**
 * A catalog read back from a running one (`GET /api/catalog/entities/by-query`, pages
 * concatenated), as a provider would emit it: what the catalog computes (relations, status,
 * uid) is dropped, Locations too, and each entity is managed by the benchmark's location.
 */
export function catalogFromFile(path: string): SyntheticCatalog {
  // As the catalog serves them: with `status` besides what providers emit.
  const read = JSON.parse(readFileSync(path, 'utf8')) as Array<
    Entity & { status?: unknown }
  >;
  const entities = read
    .filter(e => e.kind !== 'Location')
    .map(({ relations: _r, status: _s, ...entity }) => {
      const {
        uid: _u,
        etag: _e,
        generation: _g,
        ...metadata
      } = entity.metadata as Entity['metadata'] & { generation?: number };
      return {
        ...entity,
        metadata: {
          ...metadata,
          annotations: { ...metadata.annotations, ...managed() },
        },
      };
    });
  const refOf = (e: Entity) =>
    `${e.kind.toLowerCase()}:${e.metadata.namespace ?? 'default'}/${
      e.metadata.name
    }`;
  const ofKinds = (...kinds: string[]) =>
    entities.filter(e => kinds.includes(e.kind)).map(refOf);
  const byType = new Map<string, string[]>();
  for (const e of entities.filter(x => x.kind === 'Resource')) {
    const type = String((e.spec as { type?: string } | undefined)?.type);
    byType.set(type, [...(byType.get(type) ?? []), refOf(e)]);
  }
  const counts: Record<string, number> = {};
  for (const e of entities) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return {
    entities,
    counts,
    relations: new Map(),
    facts: [],
    subjects: {
      things: ofKinds('Resource', 'Component'),
      impact: [...byType.values()],
      people: ofKinds('User', 'Group'),
      owners: ofKinds('Group'),
    },
  };
}

function managed() {
  return {
    'backstage.io/managed-by-location': LOCATION,
    'backstage.io/managed-by-origin-location': LOCATION,
  };
}

// ---------------------------------------------------------------------------------------------
// The load generator (second process)

type LoadRequest = {
  baseUrl: string;
  authorization: string;
  lookup: string;
  /** Builds the path of one request from the generator's random source. */
  kind: LookupKind;
  subjects: Subjects;
  requests: number;
  concurrency: number;
  seed: number;
  /** Cycle through the requests until the parent says `stop`, instead of once. */
  untilStopped?: boolean;
};

type LookupKind =
  | 'placement'
  | 'administrators'
  | 'ownership'
  | 'impact'
  | 'completeness'
  | 'drift';

type LoadResult = {
  lookup: string;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  wallSeconds: number;
  latenciesMs: { p50: number; p95: number; p99: number; max: number };
  meanKb: number;
};

const enc = encodeURIComponent;

function pathOf(kind: LookupKind, subjects: Subjects, random: Random) {
  switch (kind) {
    case 'placement':
      return `placement?entity=${enc(random.pick(subjects.things))}`;
    case 'administrators':
      return `administrators?entity=${enc(random.pick(subjects.things))}`;
    case 'ownership':
      return `ownership?q=${enc(random.pick(subjects.people))}`;
    case 'impact':
      return `impact?entity=${enc(
        random.pick(random.pick(subjects.impact)),
      )}&depth=3&direction=dependents`;
    case 'completeness':
      return `completeness?scope=owner&key=${enc(
        random.pick(subjects.owners),
      )}`;
    case 'drift':
      return 'drift';
    default:
      throw new Error(`unknown lookup ${kind}`);
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** Set when the parent ends a load that runs until stopped. */
let stopped = false;

/** Fires `requests` requests of one lookup, `concurrency` at a time, over keep-alive. */
async function load(request: LoadRequest): Promise<LoadResult> {
  const random = prng(request.seed);
  const paths = Array.from({ length: request.requests }, () =>
    pathOf(request.kind, request.subjects, random),
  );
  const get = async (path: string) => {
    const started = performance.now();
    try {
      const res = await fetch(`${request.baseUrl}/${path}`, {
        headers: { authorization: request.authorization },
      });
      const body = await res.arrayBuffer();
      return {
        ms: performance.now() - started,
        status: String(res.status),
        bytes: body.byteLength,
      };
    } catch (error) {
      // A reset or refused connection is an error of the server under test, counted as such.
      const cause = (error as { cause?: { code?: string } }).cause;
      return {
        ms: performance.now() - started,
        status: cause?.code ?? (error as Error).name,
        bytes: 0,
      };
    }
  };
  // Warm-up, not counted: connections open, code paths compiled.
  for (const path of paths.slice(0, Math.min(20, paths.length))) {
    await get(path);
  }
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  let next = 0;
  const more = () => (request.untilStopped ? !stopped : next < paths.length);
  const worker = async () => {
    while (more()) {
      const answer = await get(paths[next++ % paths.length]);
      latencies.push(answer.ms);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      bytes += answer.bytes;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: request.concurrency }, worker));
  const wallSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    lookup: request.lookup,
    requests: latencies.length,
    errors: latencies.length - (statuses['200'] ?? 0),
    statuses,
    wallSeconds,
    latenciesMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies[latencies.length - 1],
    },
    meanKb: bytes / latencies.length / 1024,
  };
}

/** In the child: runs each load the parent sends and answers with its result. */
type FixedRateRequest = {
  baseUrl: string;
  authorization: string;
  subjects: LoadSubjects;
  rate: number;
  seconds: number;
};

function serveLoads() {
  process.on('message', (message: unknown) => {
    const fixedRate = (message as { fixedRate?: FixedRateRequest }).fixedRate;
    if (fixedRate) {
      runFixedRate({
        ...fixedRate,
        routes: mixedRoutes(fixedRate.subjects),
      }).then(
        rateResult => process.send!({ rateResult }),
        error => {
          console.error(error);
          process.exit(1);
        },
      );
      return;
    }
    const request = message as LoadRequest | 'stop' | 'exit';
    if (request === 'exit') {
      process.exit(0);
    }
    if (request === 'stop') {
      stopped = true;
      return;
    }
    stopped = false;
    load(request).then(
      loadResult => process.send!({ loadResult }),
      error => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

function loadProcess() {
  const child = fork(__filename, ['--load'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let pending:
    | { resolve: (r: LoadResult) => void; reject: (e: Error) => void }
    | undefined;
  let pendingRate: ((r: RouteResult[]) => void) | undefined;
  // The TypeScript transform also talks over this channel (it reports the files it loads).
  child.on('message', message => {
    const result = (message as { loadResult?: LoadResult }).loadResult;
    if (result) pending?.resolve(result);
    const rateResult = (message as { rateResult?: RouteResult[] }).rateResult;
    if (rateResult) pendingRate?.(rateResult);
  });
  child.on('exit', code => {
    if (code) pending?.reject(new Error(`load process exited with ${code}`));
  });
  return {
    child,
    run: (request: LoadRequest) =>
      new Promise<LoadResult>((resolve, reject) => {
        pending = { resolve, reject };
        child.send(request);
      }),
    runFixedRate: (fixedRate: FixedRateRequest) =>
      new Promise<RouteResult[]>(resolve => {
        pendingRate = resolve;
        child.send({ fixedRate });
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The backend under test (this process)

/** Feeds the synthetic catalog in one full mutation; exposes the catalog's database. */
function benchProvider(entities: Entity[]) {
  let knex: Knex | undefined;
  let applied: Promise<number> | undefined;
  const provider: EntityProvider = {
    getProviderName: () => 'inventory-bench',
    async connect(connection: EntityProviderConnection) {
      const started = Date.now();
      applied = connection
        .applyMutation({
          type: 'full',
          entities: entities.map(entity => ({ entity, locationKey: LOCATION })),
        })
        .then(() => Date.now() - started);
    },
  };
  const module = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'inventory-bench',
    register(reg) {
      reg.registerInit({
        deps: {
          catalog: catalogProcessingExtensionPoint,
          database: coreServices.database,
        },
        async init({ catalog, database }) {
          catalog.addEntityProvider(provider);
          knex = await database.getClient();
        },
      });
    },
  });
  return {
    module,
    db: () => knex!,
    applied: () => applied!,
  };
}

type Progress = {
  total: number;
  processed: number;
  stitched: number;
  stitchQueue: number;
  relationRows: number;
};

async function progressOf(db: Knex): Promise<Progress> {
  const count = async (query: Knex.QueryBuilder) =>
    Number(((await query.count({ n: '*' })) as Array<{ n: string }>)[0].n);
  return {
    total: await count(db('refresh_state')),
    processed: await count(
      db('refresh_state').whereNotNull('processed_entity'),
    ),
    stitched: await count(db('final_entities').whereNotNull('final_entity')),
    stitchQueue: await count(db('stitch_queue')),
    relationRows: await count(db('relations')),
  };
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Waits until every entity is processed and stitched and the relations stop changing. */
async function waitForCatalog(db: Knex, expected: number) {
  let last: Progress | undefined;
  let printedAt = 0;
  for (;;) {
    const now = await progressOf(db);
    if (Date.now() - printedAt > 30_000) {
      printedAt = Date.now();
      console.error(`catalog: ${JSON.stringify(now)}`);
    }
    const settled =
      now.total >= expected &&
      now.processed === now.total &&
      now.stitched === now.total &&
      now.stitchQueue === 0 &&
      last?.relationRows === now.relationRows;
    if (settled) return now;
    last = now;
    await sleep(5_000);
  }
}

/** Each row as soon as it is measured: a run stopped before its table keeps what it did. */
function printSoFar(results: LoadResult[]) {
  const r = results[results.length - 1];
  console.error(
    `${r.lookup}: ${r.requests} requests, ${
      r.errors
    } errors, p50 ${r.latenciesMs.p50.toFixed(
      1,
    )} ms, p95 ${r.latenciesMs.p95.toFixed(
      1,
    )} ms, p99 ${r.latenciesMs.p99.toFixed(
      1,
    )} ms, max ${r.latenciesMs.max.toFixed(
      1,
    )} ms, load average ${loadavg()[0].toFixed(1)}`,
  );
}

const LOOKUPS: LookupKind[] = [
  'placement',
  'administrators',
  'ownership',
  'impact',
  'completeness',
  'drift',
];

/** The lookups `--lookups a,b` names (all of them by default), in the benchmark's order. */
function lookupsAsked(asked: string | undefined): LookupKind[] {
  if (!asked) return LOOKUPS;
  const names = asked.split(',');
  const unknown = names.filter(n => !LOOKUPS.includes(n as LookupKind));
  if (unknown.length) {
    throw new Error(
      `--lookups: no lookup ${unknown.join(', ')}; there are ${LOOKUPS.join(
        ', ',
      )}`,
    );
  }
  return LOOKUPS.filter(kind => names.includes(kind));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Each lookup's percentiles as the median over the rounds (`--rounds`). */
function printMedians(lookups: LookupKind[], idle: LoadResult[]) {
  const rounds = idle.length / lookups.length;
  console.log(`\nMedian of ${rounds} rounds per lookup:\n`);
  printMarkdownTable(
    ['lookup', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'p99 of each round (ms)'],
    lookups.map((kind, i) => {
      const runs = idle.filter((_, at) => at % lookups.length === i);
      const of = (p: 'p50' | 'p95' | 'p99') =>
        median(runs.map(r => r.latenciesMs[p])).toFixed(1);
      return [
        kind,
        of('p50'),
        of('p95'),
        of('p99'),
        runs.map(r => r.latenciesMs.p99.toFixed(0)).join(' / '),
      ];
    }),
  );
}

/** PostgreSQL databases under a fixed prefix, left in place at the end (`--keep-catalog`). */
function keptDatabase(name: string): TestDatabase {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(
      `--keep-catalog ${name}: use lower-case letters, digits and _`,
    );
  }
  const connection = process.env.ATLAS_TEST_POSTGRES_URL;
  if (!connection) throw new Error('ATLAS_TEST_POSTGRES_URL is not set');
  return {
    name: 'PostgreSQL',
    config: () => ({
      client: 'pg',
      connection,
      prefix: `atlas_bench_${name}_`,
    }),
    cleanup: async () => {},
  };
}

function memory(gc: () => void) {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: rss / 2 ** 20, heapMb: heapUsed / 2 ** 20 };
}

async function main() {
  const { values } = parseArgs({
    options: {
      entities: { type: 'string', default: '50000' },
      requests: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '16' },
      'entities-file': { type: 'string' },
      rate: { type: 'string', default: '200' },
      'rate-seconds': { type: 'string', default: '60' },
      load: { type: 'boolean', default: false },
      catalog: { type: 'string', default: 'postgresql' },
      'keep-catalog': { type: 'string' },
      lookups: { type: 'string' },
      rounds: { type: 'string', default: '1' },
      rebuilds: { type: 'string', default: '2' },
    },
  });
  if (values.load) {
    serveLoads();
    return;
  }
  // `--catalog memory` serves the catalog from memory: the inventory still reads it page by
  // page through the catalog service and keeps its own tables in PostgreSQL, but the hour a
  // busy machine takes to ingest 50,000 entities into the real catalog is skipped.
  const inMemory = values.catalog === 'memory';
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;

  const catalog = values['entities-file']
    ? catalogFromFile(values['entities-file'])
    : syntheticCatalog(Number(values.entities));
  const relationTotal = [...catalog.relations.values()].reduce(
    (a, b) => a + b,
    0,
  );
  console.log(
    `\nCatalog: ${catalog.entities.length} entities (${Object.entries(
      catalog.counts,
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}); ${relationTotal} relations (${[...catalog.relations]
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')})\n`,
  );

  const kept = values['keep-catalog'];
  const database = kept
    ? keptDatabase(kept)
    : testDatabases().find(d => d.name === 'PostgreSQL')!;
  const provider = inMemory ? undefined : benchProvider(catalog.entities);
  const started = Date.now();
  const backend = await startTestBackend({
    features: [
      ...(provider
        ? [catalogPlugin, provider.module, catalogModuleInventoryRelations]
        : [
            catalogServiceMock.factory({
              entities: values['entities-file']
                ? catalog.entities
                : syntheticCatalogEntities(Number(values.entities)).entities,
            }),
          ]),
      inventoryPlugin,
      schedulerServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: { database: database.config() },
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'Resource',
                  'Group',
                  'User',
                  'System',
                  'Domain',
                  'API',
                ],
              },
            ],
            // Processed once within the run; no reprocessing during the measurements.
            processingInterval: { hours: 2 },
          },
          // Builds only when the benchmark triggers them.
          inventory: {
            schedule: { frequency: { hours: 24 }, timeout: { minutes: 30 } },
          },
        },
      }),
    ],
  });
  const child = loadProcess();
  const authorization = mockCredentials.user.header();
  const baseUrl = `http://127.0.0.1:${backend.server.port()}/api/inventory`;
  /** A keep-alive socket the server closes as it is reused resets: asked again on a new one. */
  const retried = async (url: string, init: RequestInit) => {
    try {
      return await fetch(url, init);
    } catch {
      await sleep(250);
      return await fetch(url, init);
    }
  };
  const get = async <T>(path: string) => {
    const res = await retried(`${baseUrl}/${path}`, {
      headers: { authorization },
    });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  };
  /** Triggers an index build and waits for it; returns its status. */
  const build = async () => {
    const before = (await get<StatusResponse>('status')).index.builtAt;
    // 409: the previous run has set the new state but still records its history.
    for (;;) {
      const res = await retried(
        `${baseUrl}/.backstage/scheduler/v1/tasks/inventory-index-refresh/trigger`,
        { method: 'POST', headers: { authorization } },
      );
      if (res.ok) break;
      if (res.status !== 409) throw new Error(`trigger: HTTP ${res.status}`);
      await sleep(250);
    }
    for (;;) {
      await sleep(250);
      const status = await get<StatusResponse>('status');
      if (status.index.builtAt && status.index.builtAt !== before) {
        return status;
      }
      if (status.index.lastError) throw new Error(status.index.lastError);
    }
  };

  try {
    const applyMs = provider ? await provider.applied() : 0;
    const settled = provider
      ? await waitForCatalog(provider.db(), catalog.entities.length)
      : { total: catalog.entities.length, relationRows: 2 * relationTotal };
    const catalogSeconds = (Date.now() - started) / 1000;
    console.error(`catalog settled after ${catalogSeconds.toFixed(0)} s`);

    const beforeBuild = memory(gc);
    const first = await build();
    const afterBuild = memory(gc);
    const refreshes = [];
    for (let i = 0; i < 3; i++) refreshes.push((await build()).index);
    const afterRefresh = memory(gc);
    const { index } = first;
    if (index.entities !== catalog.entities.length) {
      console.error(
        `WARNING: index holds ${index.entities} entities, expected ${catalog.entities.length}`,
      );
    }
    if (relationTotal && index.relations !== relationTotal) {
      console.error(
        `WARNING: index holds ${index.relations} relations, expected ${relationTotal}`,
      );
    }
    const driftStarted = performance.now();
    await get('drift');
    const firstDriftMs = performance.now() - driftStarted;

    console.log(
      `Catalog: ${settled.total} entities, ${
        settled.relationRows
      } relation rows (both directions) ${
        provider ? 'in PostgreSQL' : 'in memory'
      }; index: ${index.entities} entities, ${index.relations} relations, ${
        index.links
      } links, ${index.ambiguous} ambiguous\n`,
    );
    printMarkdownTable(
      ['step', 'wall time (s)', 'RSS after (MB)', 'heap used after (MB)'],
      [
        [
          'catalog: provider mutation applied',
          (applyMs / 1000).toFixed(1),
          '—',
          '—',
        ],
        [
          'catalog: ingestion + processing + stitching',
          catalogSeconds.toFixed(0),
          beforeBuild.rssMb.toFixed(0),
          beforeBuild.heapMb.toFixed(0),
        ],
        [
          'index: first build over the full catalog (buildMs)',
          (index.buildMs! / 1000).toFixed(1),
          afterBuild.rssMb.toFixed(0),
          afterBuild.heapMb.toFixed(0),
        ],
        [
          `index: refresh ×${refreshes.length} (buildMs each)`,
          refreshes.map(r => (r.buildMs! / 1000).toFixed(1)).join(' / '),
          afterRefresh.rssMb.toFixed(0),
          afterRefresh.heapMb.toFixed(0),
        ],
        [
          'drift: first answer after a build (computed, then cached)',
          (firstDriftMs / 1000).toFixed(1),
          '—',
          '—',
        ],
      ],
    );
    console.log(
      `\nHeap held by the index ≈ ${(
        afterBuild.heapMb - beforeBuild.heapMb
      ).toFixed(
        0,
      )} MB (heap after the first build minus before, both after GC)\n`,
    );

    const lookups = lookupsAsked(values.lookups);
    const rounds = Number(values.rounds);
    const results: LoadResult[] = [];
    const request = (kind: LookupKind, lookup: string, seed: number) => ({
      baseUrl,
      authorization,
      kind,
      lookup,
      subjects: catalog.subjects,
      requests,
      concurrency,
      seed,
    });
    const rssMb: number[] = [];
    // Idle rows round by round, so that a neighbour's burst on a shared machine moves one
    // round of each lookup, and the median of the rounds does not follow it.
    for (let round = 1; round <= rounds; round++) {
      for (const [i, kind] of lookups.entries()) {
        const lookup = rounds > 1 ? `${kind} (round ${round})` : kind;
        console.error(`load: ${lookup}`);
        results.push(
          await child.run(request(kind, lookup, SEED + i + 100 * (round - 1))),
        );
        printSoFar(results);
        rssMb.push(process.memoryUsage().rss / 2 ** 20);
      }
    }
    // Each lookup again while the index rebuilds back to back, the worst case of a short
    // schedule (the default is a build every minute): builds share the event loop that answers.
    const rebuilds = Number(values.rebuilds);
    for (const [i, kind] of rebuilds > 0 ? lookups.entries() : []) {
      console.error(`load: ${kind} during index refreshes`);
      const during = child.run({
        ...request(kind, `${kind}, index rebuilding`, SEED + i),
        untilStopped: true,
      });
      for (let b = 0; b < rebuilds; b++) await build();
      child.child.send('stop');
      results.push(await during);
      printSoFar(results);
      rssMb.push(process.memoryUsage().rss / 2 ** 20);
    }

    console.log(
      `Lookups: ${requests} requests each (after 20 warm-up requests), ${concurrency} concurrent, from a second process over loopback${
        rebuilds > 0
          ? `; the rows "index rebuilding" for as long as ${rebuilds} index builds back to back took`
          : ''
      }. RSS: the backend process after the row; load average ${loadavg()
        .map(l => l.toFixed(1))
        .join(' / ')}\n`,
    );
    printMarkdownTable(
      [
        'lookup',
        'requests',
        'non-200',
        'wall time (s)',
        'req/s',
        'p50 (ms)',
        'p95 (ms)',
        'p99 (ms)',
        'max (ms)',
        'mean answer (KB)',
        'RSS (MB)',
      ],
      results.map((r, i) => [
        r.lookup,
        String(r.requests),
        r.errors ? `${r.errors} ${JSON.stringify(r.statuses)}` : '0',
        r.wallSeconds.toFixed(1),
        (r.requests / r.wallSeconds).toFixed(0),
        r.latenciesMs.p50.toFixed(1),
        r.latenciesMs.p95.toFixed(1),
        r.latenciesMs.p99.toFixed(1),
        r.latenciesMs.max.toFixed(1),
        r.meanKb.toFixed(1),
        rssMb[i].toFixed(0),
      ]),
    );
    if (rounds > 1)
      printMedians(lookups, results.slice(0, rounds * lookups.length));
    if (Number(values.rate) > 0) {
      console.error(`load: ${values.rate} requests/s mixed`);
      const loadBefore = loadavg()[0];
      const mixed = await child.runFixedRate({
        baseUrl,
        authorization,
        subjects: catalog.subjects,
        rate: Number(values.rate),
        seconds: Number(values['rate-seconds']),
      });
      console.log(
        `\nMixed load: ${values.rate} requests/s for ${
          values['rate-seconds']
        } s at a fixed arrival rate (bench/loadRun.ts's mix; latency from when each request was due); load average ${loadBefore.toFixed(
          1,
        )} before, ${loadavg()[0].toFixed(1)} after\n`,
      );
      printRouteResults(mixed);
    }
    console.log(
      `\nBackend process (catalog + inventory + HTTP): peak RSS ${peakRssMb().toFixed(
        0,
      )} MB\n`,
    );
  } finally {
    child.child.send('exit');
    await backend.stop();
    await database.cleanup();
  }
}

if (require.main === module) {
  main().then(
    () => {
      if (!process.argv.includes('--load')) process.exit(0);
    },
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
