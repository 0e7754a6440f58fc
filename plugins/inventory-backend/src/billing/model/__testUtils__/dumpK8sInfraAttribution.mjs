/*
 * Writes k8sInfraAttribution.json: the entities of the k8s-infra snapshot that billing
 * attribution reads, as the demo's catalog holds them after crawling the snapshot — every GCP
 * project, the groups that own them, the SIGs and their parent groups, and each entity that is
 * part of a System with its placement chain — with only the fields and relations attribution
 * uses. Run against a demo started by scripts/demo.sh:
 *
 *   TOKEN=infra-atlas-demo-token node dumpK8sInfraAttribution.mjs > k8sInfraAttribution.json
 */
const base = process.argv[2] ?? 'http://localhost:7007/api/catalog';
const headers = {
  Authorization: `Bearer ${process.env.TOKEN}`,
  'Content-Type': 'application/json',
};
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.title',
  'metadata.annotations.infra-atlas.io/declared-in',
  'metadata.annotations.infra-atlas.io/gcp-project-id',
  'spec.type',
  'spec.profile.displayName',
  'spec.gcp.projectId',
  'relations',
].join(',');
const SIG_TYPES = new Set(['sig', 'working-group', 'committee']);
const PLACEMENT = new Set(['childOf', 'runsOn']);

const refOf = e => `${e.kind}:default/${e.metadata.name}`.toLowerCase();
const targets = (e, types) =>
  e.relations
    .filter(r => types.has(r.type))
    .map(r => r.targetRef.toLowerCase());
const byRef = new Map();
const RELATIONS = new Set(['ownedBy', 'partOf', ...PLACEMENT]);
const add = e => {
  e.relations = (e.relations ?? [])
    .filter(r => RELATIONS.has(r.type))
    .map(({ type, targetRef }) => ({ type, targetRef }));
  byRef.set(refOf(e), e);
};

for (const filter of [
  'kind=resource,spec.type=gcp-project',
  'kind=group',
  'relations.partOf',
]) {
  const res = await fetch(
    `${base}/entities/by-query?filter=${filter}&limit=3000&fields=${FIELDS}`,
    { headers },
  );
  (await res.json()).items.forEach(add);
}

const keep = new Set();
/** Keeps the refs and what they lead to along `types`, fetching entities not read yet. */
async function keepWith(refs, types) {
  const todo = [...refs];
  while (todo.length) {
    const unread = todo.filter(r => !byRef.has(r));
    if (unread.length) {
      const res = await fetch(`${base}/entities/by-refs`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ entityRefs: unread, fields: FIELDS.split(',') }),
      });
      (await res.json()).items.filter(Boolean).forEach(add);
    }
    const ref = todo.pop();
    if (keep.has(ref) || !byRef.has(ref)) continue;
    keep.add(ref);
    todo.push(...targets(byRef.get(ref), types));
  }
}

const all = [...byRef.values()];
const projects = all.filter(e => e.spec?.type === 'gcp-project');
const owners = projects.flatMap(p => targets(p, new Set(['ownedBy'])));
const sigs = all.filter(e => SIG_TYPES.has(e.spec?.type)).map(refOf);
await keepWith(
  [...projects.map(refOf), ...owners, ...sigs],
  new Set(['childOf']),
);
const parts = all.filter(
  e => e.kind !== 'System' && targets(e, new Set(['partOf'])).length,
);
await keepWith(parts.map(refOf), PLACEMENT);
await keepWith(
  parts
    .flatMap(e => targets(e, new Set(['partOf'])))
    .filter(r => r.startsWith('system:')),
  new Set(),
);

const entities = [...keep].sort().map(ref => {
  const e = byRef.get(ref);
  // Relations to entities left out lead nowhere attribution looks, but owners are kept as
  // refs: an owner the catalog does not have still owns.
  e.relations = e.relations.filter(
    r => r.type === 'ownedBy' || keep.has(r.targetRef.toLowerCase()),
  );
  return JSON.stringify(e);
});
process.stdout.write(`[\n${entities.join(',\n')}\n]\n`);
