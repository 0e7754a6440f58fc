import {
  Entity,
  FieldFormatEntityPolicy,
  SchemaValidEntityPolicy,
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { OwnersRules } from '@infra-atlas/inventory-common';
import { parseOwnersAliases, parseOwnersFile } from '../owners';
import { AnalyzerContext, RepositorySnapshot } from '../types';

/*
 * Test support (not used by the plugin): the vendored kubernetes/k8s.io files as a
 * RepositorySnapshot, the independent truth indexes, and a context whose owners come from
 * the real OWNERS files.
 */

const SEED = path.resolve(
  __dirname,
  '../../../../../packages/emulators/seed/k8s-infra',
);
export const K8S_IO_DIR = path.join(SEED, 'github/kubernetes/k8s.io');
const COMMIT = '576d58a4e8553ac4ae81f3dcde680ed5ff4ebc3b';
export const BLOB = `https://github.com/kubernetes/k8s.io/blob/${COMMIT}`;
export const TREE = `https://github.com/kubernetes/k8s.io/tree/${COMMIT}`;

/** A truth index from `seed/k8s-infra/truth/`, computed by others from the same files. */
export function readTruth<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(SEED, 'truth', name), 'utf8'));
}

/** Every file under `dir`, by repository path; symlinks are read through, as the provider does. */
function walk(dir: string, prefix: string, files: Map<string, string>) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) walk(full, rel, files);
    else files.set(rel, readFileSync(full, 'utf8'));
  }
  return files;
}

let cached: RepositorySnapshot | undefined;

export function k8sIoSnapshot(): RepositorySnapshot {
  cached ??= {
    owner: 'kubernetes',
    name: 'k8s.io',
    commit: COMMIT,
    htmlUrl: 'https://github.com/kubernetes/k8s.io',
    defaultBranch: 'main',
    files: walk(K8S_IO_DIR, '', new Map()),
  };
  return cached;
}

/** A snapshot of the given files only, for bad-input tests. */
export function snapshotOf(files: Record<string, string>): RepositorySnapshot {
  return { ...k8sIoSnapshot(), files: new Map(Object.entries(files)) };
}

/**
 * A context over a snapshot. Owners follow the real OWNERS files: the group is the first
 * `sig/*` label (`sig/k8s-infra` → `group:default/sig-k8s-infra`), the evidence lists the
 * files. The provider's real owner rules are its own business; this is enough to test that
 * analyzers ask for the right paths.
 */
export function testContext(snapshot: RepositorySnapshot): AnalyzerContext {
  const ownersFiles = [...snapshot.files]
    .filter(([p]) => p === 'OWNERS' || p.endsWith('/OWNERS'))
    .map(([p, content]) => parseOwnersFile(content, p).rules);
  const aliases = snapshot.files.has('OWNERS_ALIASES')
    ? parseOwnersAliases(
        snapshot.files.get('OWNERS_ALIASES')!,
        'OWNERS_ALIASES',
      )
    : undefined;
  const tree = new OwnersRules({ owners: ownersFiles, aliases });
  return {
    snapshot,
    fileUrl: p => `${BLOB}/${p}`,
    treeUrl: p => `${TREE}/${p}`,
    ownerOf: p => {
      const owners = tree.ownersOf(p);
      const sig = owners.labels
        .map(l => l.label)
        .sort()
        .find(l => l.startsWith('sig/'));
      return {
        ref: sig
          ? `group:default/${sig.replace('/', '-')}`
          : 'group:default/unknown',
        evidence: `OWNERS: ${owners.files.join(', ') || 'none'}`,
      };
    },
  };
}

const policies = [new SchemaValidEntityPolicy(), new FieldFormatEntityPolicy()];

/** What the catalog's own schema and kind validation say is wrong with the entities. */
export async function invalidEntities(entities: Entity[]): Promise<string[]> {
  const errors: string[] = [];
  for (const entity of entities) {
    const validator =
      entity.kind === 'Component'
        ? componentEntityV1alpha1Validator
        : resourceEntityV1alpha1Validator;
    try {
      for (const policy of policies) await policy.enforce(entity);
      if (!(await validator.check(entity))) throw new Error('not a valid kind');
    } catch (e) {
      errors.push(`${entity.kind} ${entity.metadata.name}: ${e}`);
    }
  }
  return errors;
}
