import { isUnowned } from '@infra-atlas/inventory-common';
import { OwnersTree } from '../analyzers/owners';
import { SubprojectIndexEntry } from '../analyzers/sigs';
import { ResolvedOwner } from '../analyzers/types';

export type PathOwner = ResolvedOwner & {
  /** The sigs.yaml subproject the path belongs to, when one covers it. */
  system?: string;
};

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
 * 2. the sigs.yaml subproject whose OWNERS file is nearest above the path → its SIG;
 * 3. a `sig/*` (or `wg/*`, `committee/*`) label in the path's effective OWNERS → that group;
 * 4. an OWNERS_ALIASES alias among the path's effective approvers → the alias's group;
 * 5. CODEOWNERS: the first owner of the last matching rule;
 * 6. the configured fallback.
 */
export class RepositoryOwnerResolver {
  constructor(
    private readonly repo: { owner: string; name: string },
    private readonly sources: {
      subprojects: SubprojectIndexEntry[];
      ownersTree?: OwnersTree;
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
    const subproject = this.nearestSubproject(path);
    if (subproject) {
      return {
        ref: subproject.project.group,
        system: subproject.project.system,
        evidence: `sigs.yaml subproject ${
          subproject.project.system
        } lists ${slug}/${subproject.dir ? `${subproject.dir}/` : ''}OWNERS`,
      };
    }
    const owners = this.sources.ownersTree?.ownersOf(path ? `${path}/` : '');
    if (owners) {
      const byLabel = this.groupFromLabels(owners.labelsNearestFirst);
      if (byLabel) {
        return {
          ref: byLabel.ref,
          evidence: `OWNERS label '${byLabel.label}' (${owners.sources.join(
            ', ',
          )})`,
        };
      }
      for (const entry of owners.approverEntries) {
        const group = this.sources.aliasGroup(entry);
        if (group) {
          return {
            ref: group,
            evidence: `OWNERS approvers alias '${entry}' (${owners.sources.join(
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

  private nearestSubproject(path: string) {
    let best: { project: SubprojectIndexEntry; dir: string } | undefined;
    for (const project of this.sources.subprojects) {
      for (const o of project.owners) {
        if (
          o.owner.toLowerCase() === this.repo.owner.toLowerCase() &&
          o.repo.toLowerCase() === this.repo.name.toLowerCase() &&
          isAncestorOrSelf(o.dir, path) &&
          (!best || o.dir.length > best.dir.length)
        ) {
          best = { project, dir: o.dir };
        }
      }
    }
    return best;
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
