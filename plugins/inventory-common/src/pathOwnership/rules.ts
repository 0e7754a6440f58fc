import type { Entity } from '@backstage/catalog-model';
import { entityName } from '../naming';

/*
 * The ownership rules of one repository as the GitHub provider stores them on the repository's
 * Component (`spec.codeOwnership`): each OWNERS file's entries with their lines, the root
 * OWNERS_ALIASES, and the CODEOWNERS file GitHub would use. Small enough to keep on an entity
 * (about 90 KB for kubernetes/k8s.io and its 152 OWNERS files), complete enough that any path's
 * approvers, reviewers and code owners can be answered from it without asking GitHub.
 */

/** Lower-cased login or alias (or, for labels, the label as written) → the line naming it. */
export type OwnersNames = Record<string, number>;

/** @public */
export type OwnersRuleEntries = {
  approvers?: OwnersNames;
  reviewers?: OwnersNames;
  labels?: OwnersNames;
};

/** A `filters` entry: its entries apply to paths whose relative path matches `pattern`. */
export type OwnersFilterRule = OwnersRuleEntries & {
  /** Go regular expression, unanchored; `.*` is the file's top level. */
  pattern: string;
  line: number;
};

/** One OWNERS file. */
export type OwnersFileRules = OwnersRuleEntries & {
  /** Repository path: `dns/OWNERS`. */
  path: string;
  /** `emeritus_approvers` and `emeritus_reviewers`: named, never approve or review. */
  emeritus?: OwnersNames;
  /** Line of `no_parent_owners: true`, when the file sets it. */
  noParentOwners?: number;
  filters?: OwnersFilterRule[];
};

/** @public */
export type OwnersAliasRule = { line: number; members: string[] };

/** The root OWNERS_ALIASES: alias (lower-cased) → the line defining it and its members. */
export type OwnersAliasesRules = {
  path: string;
  aliases: Record<string, OwnersAliasRule>;
};

/** @public */
export type CodeownersRule = {
  /** As written, escapes included. */
  pattern: string;
  /** As written: `@login`, `@org/team`, an address. Empty: these paths have no owner. */
  owners: string[];
  /** 1-based line in the file. */
  line: number;
};

/** A CODEOWNERS line GitHub would skip, and why. */
export type CodeownersSkippedLine = { line?: number; reason: string };

/** @public */
export type CodeownersRules = {
  path: string;
  rules: CodeownersRule[];
  skipped?: CodeownersSkippedLine[];
};

/**
 * `root`: only the root OWNERS file was read (the repository was not read in depth), so nested
 * OWNERS files are unknown; `tree`: every OWNERS file of the commit was read.
 */
export type OwnersDepth = 'root' | 'tree';

/** @public */
export type CodeOwnershipRules = {
  /** Web URL of the repository, for links to the lines: `https://github.com/kubernetes/k8s.io`. */
  url: string;
  /** The branch the files were read from (the default branch). */
  branch: string;
  /** The commit the files are from. */
  commit?: string;
  ownersDepth: OwnersDepth;
  owners: OwnersFileRules[];
  aliases?: OwnersAliasesRules;
  codeowners?: CodeownersRules;
};

/** `spec.codeOwnership` of a repository's Component, when the GitHub provider stored one. */
export function codeOwnershipOf(
  entity: Entity | undefined,
): CodeOwnershipRules | undefined {
  const value = (entity?.spec as Record<string, unknown> | undefined)
    ?.codeOwnership as CodeOwnershipRules | undefined;
  return value && Array.isArray(value.owners) ? value : undefined;
}

/** The directory an OWNERS file governs: `''` for the root. */
export const ownersFileDir = (path: string) =>
  path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';

/** Whether `dir` is `path` or above it (`''` is above everything). */
export const isDirAtOrAbove = (dir: string, path: string) =>
  dir === '' || path === dir || path.startsWith(`${dir}/`);

/** The Group an OWNERS_ALIASES alias becomes: aliases are per repository. */
export const ownersAliasEntityName = (
  repo: { owner: string; name: string },
  alias: string,
) =>
  entityName([
    repo.owner.toLowerCase(),
    repo.name.toLowerCase(),
    alias.toLowerCase(),
  ]);

/** The GitHub link to a line of a file of the repository the rules are from. */
export const ruleUrl = (
  rules: Pick<CodeOwnershipRules, 'url' | 'branch'>,
  file: string,
  line?: number,
) =>
  `${rules.url}/blob/${encodeURI(rules.branch)}/${encodeURI(file)}${
    line ? `#L${line}` : ''
  }`;
