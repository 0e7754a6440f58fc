import { OwnersRules, isUnowned } from '@infra-atlas/inventory-common';
import { PathOwnerClaim, ResolvedOwner } from '../analyzers/types';

export type PathOwner = ResolvedOwner & {
  /** The sigs.yaml subproject the path belongs to, when one covers it. */
  system?: string;
  /**
   * Other groups whose subprojects list the same OWNERS file: they share the path, so they
   * keep an ownership relation, though only one group can be `spec.owner`.
   */
  coOwners?: ResolvedOwner[];
};

/** A group as sigs.yaml names it: its `dir`, which is its entity name. */
const groupName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** A CODEOWNERS lookup for one repository: the refs of the matching rule's owners. */
export type CodeownersLookup = (path: string) => string[] | undefined;

/** The label prefixes of Prow's `sig/*`-style labels and the group names they stand for. */
const GROUP_LABELS: Array<[RegExp, string]> = [
  [/^sig\/(.+)$/, 'sig-'],
  [/^wg\/(.+)$/, 'wg-'],
  [/^committee\/(.+)$/, 'committee-'],
];

const isAncestorOrSelf = (dir: string, path: string) =>
  dir === '' || path === dir || path.startsWith(`${dir}/`);

/**
 * The ownership rule, the same for a repository, a directory or a declared app — first match
 * wins, and the evidence says which rule applied and on what:
 *
 * 1. the repository's own catalog-info.yaml (the provider then leaves the repository's
 *    Component to it, so this resolver is not asked);
 * 2. the sigs.yaml subproject whose OWNERS file is nearest above the path → its SIG; when
 *    several groups' subprojects list that file, the first in sigs.yaml order (SIGs, then
 *    working groups, committees and user groups, each in file order) owns it and the others
 *    are co-owners;
 * 3. a `sig/*` (or `wg/*`, `committee/*`) label in the path's effective OWNERS → that group;
 * 4. an OWNERS_ALIASES alias among the path's effective approvers → the alias's group;
 * 5. CODEOWNERS: the first owner of the last matching rule;
 * 6. the configured fallback.
 */
export class RepositoryOwnerResolver {
  constructor(
    private readonly repo: { owner: string; name: string },
    private readonly sources: {
      subprojects: PathOwnerClaim[];
      ownersTree?: OwnersRules;
      /** Entity ref of the group an alias becomes, if the alias is one. */
      aliasGroup: (alias: string) => string | undefined;
      codeowners?: CodeownersLookup;
      /** Group refs that exist; a label naming another group is not trusted. */
      knownGroups?: ReadonlySet<string>;
      fallback: string;
    },
  ) {}

  ownerOf(rawPath: string): PathOwner {
    const path = rawPath.replace(/^\/+|\/+$/g, '');
    const slug = `${this.repo.owner}/${this.repo.name}`;
    const nearest = this.nearestSubprojects(path);
    if (nearest) {
      const [primary, ...others] = nearest.projects;
      const lists = (project: PathOwnerClaim) =>
        `sigs.yaml subproject ${project.subproject} of ${groupName(
          project.group,
        )} lists ${slug}/${nearest.dir ? `${nearest.dir}/` : ''}OWNERS`;
      // Another subproject of the owning group adds nobody; each other group counts once.
      const coOwners = others
        .filter(
          (o, i) =>
            o.group !== primary.group &&
            others.findIndex(p => p.group === o.group) === i,
        )
        .map(o => ({ ref: o.group, evidence: lists(o) }));
      return {
        ref: primary.group,
        system: primary.system,
        evidence: coOwners.length
          ? `${lists(primary)}, first in sigs.yaml of the ${
              coOwners.length + 1
            } groups whose subprojects list it`
          : lists(primary),
        ...(coOwners.length ? { coOwners } : {}),
      };
    }
    const owners = this.sources.ownersTree?.ownersOf(path ? `${path}/` : '');
    if (owners) {
      const byLabel = this.groupFromLabels(owners.labels.map(l => l.label));
      if (byLabel) {
        return {
          ref: byLabel.ref,
          evidence: `OWNERS label '${byLabel.label}' (${owners.files.join(
            ', ',
          )})`,
        };
      }
      for (const entry of owners.approverEntries) {
        const group = this.sources.aliasGroup(entry);
        if (group) {
          return {
            ref: group,
            evidence: `OWNERS approvers alias '${entry}' (${owners.files.join(
              ', ',
            )})`,
          };
        }
      }
    }
    const codeowners = this.sources.codeowners?.(path || '/');
    if (codeowners?.length) {
      return { ref: codeowners[0], evidence: `CODEOWNERS rule for '/${path}'` };
    }
    return {
      ref: this.sources.fallback,
      evidence: isUnowned(this.sources.fallback)
        ? 'no OWNERS file, sigs.yaml subproject or CODEOWNERS rule covers it'
        : 'no ownership rule matched; configured fallback owner',
    };
  }

  /**
   * The subprojects whose OWNERS file is nearest above the path (the deepest listed
   * directory), in sigs.yaml order: the first owns the path, the others share it.
   */
  private nearestSubprojects(path: string) {
    const covering = this.sources.subprojects.flatMap(project =>
      project.owners
        .filter(
          o =>
            o.owner.toLowerCase() === this.repo.owner.toLowerCase() &&
            o.repo.toLowerCase() === this.repo.name.toLowerCase() &&
            isAncestorOrSelf(o.dir, path),
        )
        .map(o => ({ project, dir: o.dir })),
    );
    if (!covering.length) return undefined;
    const deepest = Math.max(...covering.map(c => c.dir.length));
    const nearest = covering.filter(c => c.dir.length === deepest);
    return { dir: nearest[0].dir, projects: nearest.map(c => c.project) };
  }

  private groupFromLabels(labels: string[]) {
    for (const label of labels) {
      for (const [pattern, prefix] of GROUP_LABELS) {
        const match = label.match(pattern);
        const ref = match && `group:default/${prefix}${match[1].toLowerCase()}`;
        if (
          ref &&
          (!this.sources.knownGroups || this.sources.knownGroups.has(ref))
        ) {
          return { ref, label };
        }
      }
    }
    return undefined;
  }
}
