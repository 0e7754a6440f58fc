import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  githubUserEntityName,
  ownersAliasEntityName,
} from '@infra-atlas/inventory-common';
import { membershipAnnotations } from '../analyzers/declaredEntity';

/** The Group an OWNERS_ALIASES alias becomes: aliases are per repository. */
export const ownersAliasGroupRef = (
  repo: { owner: string; name: string },
  alias: string,
) => `group:default/${ownersAliasEntityName(repo, alias)}`;

/** One Group per alias of a repository's OWNERS_ALIASES, its logins as members. */
export function ownersAliasGroups(
  repo: { owner: string; name: string },
  aliases: ReadonlyMap<string, string[]>,
  declaredIn: string,
): Entity[] {
  return [...aliases.keys()].sort().map(alias => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: ownersAliasGroupRef(repo, alias).split('/')[1],
      title: `${alias} (${repo.owner}/${repo.name})`,
      description: `OWNERS_ALIASES alias '${alias}' of ${repo.owner}/${repo.name}`,
      annotations: {
        [ANNOTATIONS.provenance]: 'declared',
        [ANNOTATIONS.declaredIn]: declaredIn,
      },
    },
    spec: { type: 'owners-alias', children: [] },
  }));
}

/**
 * A login named in ownership files: the alias groups listing it (with the OWNERS_ALIASES that
 * lists it there), and the first file naming it.
 */
export type OwnersPerson = { groups: Map<string, string>; namedIn: string };

/**
 * One User per GitHub login the repositories name (OWNERS approvers and reviewers, alias
 * members), member of the alias groups that list them. Logins are case-insensitive, so each
 * person is one entity however the files spell them.
 */
export function ownersUsers(people: Map<string, OwnersPerson>): Entity[] {
  return [...people.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([login, { groups, namedIn }]) =>
      githubUserEntity(login, {
        memberOf: [...groups.keys()],
        annotations: {
          [ANNOTATIONS.provenance]: 'declared',
          [ANNOTATIONS.declaredIn]: namedIn,
          ...membershipAnnotations(groups),
        },
      }),
    );
}

/**
 * A GitHub account as a User, named after its login whatever the case a file spells it in:
 * every analyzer that names people builds them here, so that they merge into one entity.
 */
export function githubUserEntity(
  login: string,
  options: {
    displayName?: string;
    memberOf: string[];
    annotations: Record<string, string>;
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: githubUserEntityName(login),
      title: login,
      annotations: {
        'github.com/user-login': login,
        ...options.annotations,
      },
    },
    spec: {
      profile: { displayName: options.displayName ?? login },
      memberOf: [...options.memberOf].sort(),
    },
  };
}
