import { Entity } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@infra-atlas/inventory-common';
import { AnalyzerContext } from './types';

/*
 * What every entity declared in git has in common: provenance, the file that declares it,
 * and (for Components and Resources) an owner with its evidence. One place, so that all
 * analyzers stamp the same metadata.
 */

export const resourceRef = (name: string) => `resource:default/${name}`;

/** `T` with the keys that may be undefined made optional instead. */
type Compact<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<
    T[K],
    undefined
  >;
};

/**
 * The object without its undefined values: the catalog's schema validation rejects a
 * `title: undefined`. Empty lists stay, as a Group's required `children: []` must.
 */
export const compact = <T extends object>(value: T) =>
  Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Compact<T>;

/**
 * {@link compact}, and without empty lists: on a declared Component or Resource an empty
 * `dependsOn` or `links` says nothing.
 */
const compactNonEmpty = <T extends object>(value: T) =>
  compact(
    Object.fromEntries(
      Object.entries(value).filter(
        ([, v]) => !(Array.isArray(v) && v.length === 0),
      ),
    ) as T,
  );

/** Where an entity read from git comes from: the URL of the file or directory declaring it. */
export const declaredAnnotations = (declaredIn: string) => ({
  [ANNOTATIONS.provenance]: 'declared',
  [ANNOTATIONS.declaredIn]: declaredIn,
});

/**
 * Where a member's group memberships are stated (group ref → file URL), as the
 * `memberships` annotation; nothing when there are none.
 */
export function membershipAnnotations(
  declaredIn: ReadonlyMap<string, string>,
): Record<string, string> {
  if (!declaredIn.size) return {};
  const sorted = [...declaredIn].sort(([a], [b]) => a.localeCompare(b));
  return {
    [ANNOTATIONS.memberships]: JSON.stringify(Object.fromEntries(sorted)),
  };
}

/** A file URL pointing at one line, as GitHub and GitLab anchor them. */
export const atLine = (url: string, line?: number) =>
  line ? `${url}#L${line}` : url;

export type DeclaredEntityInput = {
  kind: 'Component' | 'Resource';
  name: string;
  title?: string;
  description?: string;
  /** URL of the file or directory that declares the entity. */
  declaredIn: string;
  /** Repository path whose owner (as `ctx.ownerOf` resolves it) owns the entity. */
  ownerPath: string;
  annotations?: Record<string, string | undefined>;
  links?: Array<{ url: string; title?: string }>;
  spec: Record<string, unknown> & { type: string };
};

export function declaredEntity(
  ctx: AnalyzerContext,
  input: DeclaredEntityInput,
): Entity {
  const owner = ctx.ownerOf(input.ownerPath);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: input.kind,
    metadata: compactNonEmpty({
      name: input.name,
      title: input.title,
      description: input.description,
      annotations: compact({
        ...declaredAnnotations(input.declaredIn),
        [ANNOTATIONS.ownerEvidence]: owner.evidence,
        ...input.annotations,
      }) as Record<string, string>,
      links: input.links,
    }) as Entity['metadata'],
    spec: compactNonEmpty({ ...input.spec, owner: owner.ref }),
  };
}

/** `[…new Set(values)].sort()`, for the sorted, unique lists entities carry. */
export const sortedUnique = (values: Iterable<string>) =>
  [...new Set(values)].sort();
