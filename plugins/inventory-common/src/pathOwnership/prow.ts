import {
  CodeOwnershipRules,
  OwnersAliasesRules,
  OwnersFileRules,
  OwnersNames,
  OwnersRuleEntries,
  ownersFileDir,
} from './rules';
import { oncePer } from '../memo';

/*
 * Prow's OWNERS semantics (kubernetes-sigs/prow pkg/repoowners, https://go.k8s.io/owners), the
 * one implementation the GitHub provider and the inventory backend share:
 * - the walk starts at the path itself and goes up one directory at a time to the root; at each
 *   directory with an OWNERS file, its top-level entries always apply and each `filters` entry
 *   applies when its Go regexp (unanchored; `.*` is the top level) matches the path relative to
 *   that directory (`.` for the directory itself);
 * - a file with `options.no_parent_owners: true` ends the walk for a role (approvers, reviewers,
 *   labels) once that role has found someone, as Prow does: a file that sets it but names no
 *   approvers still lets the parents' approvers through;
 * - entries naming an alias of the root OWNERS_ALIASES stand for its members; logins and
 *   aliases compare case-insensitively (stored lower-cased);
 * - emeritus entries are never approvers or reviewers; they are reported as such.
 * A path is a directory when it ends in `/` or is a directory with an OWNERS file, else a file;
 * Prow itself does not distinguish, but the answer says which was assumed.
 */

/** Where a rule is written: a file and line, and the filter it is under (absent: top level). */
export type OwnersCitation = { file: string; line: number; filter?: string };

/** Why someone is an approver or reviewer: the entry, and the alias it went through. */
export type OwnersGrant = OwnersCitation & {
  alias?: { name: string; file: string; line: number };
};

/** @public */
export type EffectiveOwnersPerson = { login: string; grants: OwnersGrant[] };

/** What Prow would say about one path, and which lines say it. */
export type EffectiveOwners = {
  /** Repository path without leading or trailing `/` (`''` is the root). */
  path: string;
  isDirectory: boolean;
  /** Aliases expanded, by login. */
  approvers: EffectiveOwnersPerson[];
  reviewers: EffectiveOwnersPerson[];
  /** Nearest OWNERS file first: the nearest file speaks for the path. */
  labels: Array<OwnersCitation & { label: string }>;
  /** Emeritus entries of the files walked: not approvers or reviewers any more. */
  emeritus: Array<OwnersCitation & { login: string }>;
  /** Approver entries as written (aliases not expanded), nearest first. */
  approverEntries: string[];
  /** The OWNERS files that name someone or something for the path, nearest first. */
  files: string[];
  /** The `no_parent_owners` that ended the approvers' walk, if one did. */
  inheritanceStoppedAt?: OwnersCitation;
};

const ROLES = ['approvers', 'reviewers', 'labels'] as const;
type Role = (typeof ROLES)[number];

/**
 * A Go regexp as JavaScript reads it: the syntax OWNERS filters use (classes, anchors,
 * alternation, a leading `(?i)`) is common to both. Undefined when JavaScript cannot read it;
 * Prow skips a filter it cannot compile, and so does this.
 */
export function compileOwnersFilter(pattern: string): RegExp | undefined {
  const caseless = pattern.startsWith('(?i)');
  try {
    return new RegExp(
      caseless ? pattern.slice(4) : pattern,
      caseless ? 'i' : '',
    );
  } catch {
    return undefined;
  }
}

/** `path` relative to the directory `dir` above it, as Go's filepath.Rel gives it. */
function relativePath(dir: string, path: string): string {
  if (dir === path) return '.';
  return dir ? path.slice(dir.length + 1) : path;
}

/** The OWNERS rules of one repository, answering Prow's questions about any path. */
export class OwnersRules {
  private readonly byDir: Map<string, OwnersFileRules>;
  private readonly aliases: OwnersAliasesRules | undefined;
  private readonly filters = new Map<string, RegExp | undefined>();

  constructor(rules: Pick<CodeOwnershipRules, 'owners' | 'aliases'>) {
    this.byDir = new Map(rules.owners.map(f => [ownersFileDir(f.path), f]));
    this.aliases = rules.aliases;
  }

  /** Directories that have an OWNERS file, root first. */
  get directories(): string[] {
    return [...this.byDir.keys()].sort();
  }

  /** The OWNERS file of a directory, if it has one. */
  fileOf(dir: string): OwnersFileRules | undefined {
    return this.byDir.get(dir);
  }

  /** The alias an entry names, with its definition, if it is one. */
  alias(entry: string) {
    const aliases = this.aliases?.aliases;
    const name = entry.toLowerCase();
    return aliases && Object.prototype.hasOwnProperty.call(aliases, name)
      ? { name, file: this.aliases!.path, ...aliases[name] }
      : undefined;
  }

  /** The repository path as the walk reads it, and whether it is taken for a directory. */
  normalize(rawPath: string): { path: string; isDirectory: boolean } {
    const trimmed = rawPath.replace(/^(\.?\/)+/, '');
    const path = trimmed.replace(/\/+$/, '');
    return {
      path,
      isDirectory: path === '' || trimmed !== path || this.byDir.has(path),
    };
  }

  private filterMatches(pattern: string, relative: string): boolean {
    if (pattern === '.*') return true;
    if (!this.filters.has(pattern)) {
      this.filters.set(pattern, compileOwnersFilter(pattern));
    }
    return this.filters.get(pattern)?.test(relative) ?? false;
  }

  /** The entries of a file that apply to a path `relative` to its directory. */
  private applicable(file: OwnersFileRules, relative: string) {
    const sets: Array<{ entries: OwnersRuleEntries; filter?: string }> = [
      { entries: file },
    ];
    for (const filter of file.filters ?? []) {
      if (this.filterMatches(filter.pattern, relative)) {
        sets.push({ entries: filter, filter: filter.pattern });
      }
    }
    return sets;
  }

  /** Effective approvers, reviewers and labels of a file or directory, with their lines. */
  ownersOf(rawPath: string): EffectiveOwners {
    const { path, isDirectory } = this.normalize(rawPath);
    const found: Record<Role, Array<OwnersCitation & { name: string }>> = {
      approvers: [],
      reviewers: [],
      labels: [],
    };
    const done = new Set<Role>();
    const files: string[] = [];
    const emeritus: EffectiveOwners['emeritus'] = [];
    let inheritanceStoppedAt: OwnersCitation | undefined;

    let dir = path;
    for (;;) {
      const file = this.byDir.get(dir);
      if (file) {
        const relative = relativePath(dir, path);
        let contributes = false;
        for (const { entries, filter } of this.applicable(file, relative)) {
          for (const role of ROLES) {
            if (done.has(role)) continue;
            for (const [name, line] of Object.entries(entries[role] ?? {})) {
              contributes = true;
              found[role].push({
                name,
                file: file.path,
                line,
                ...(filter ? { filter } : {}),
              });
            }
          }
        }
        // Emeritus entries are of the files whose approvers count: past a no_parent_owners
        // that stopped them, a parent's emeritus people are no more relevant than its owners.
        if (!done.has('approvers')) {
          for (const [login, line] of Object.entries(file.emeritus ?? {})) {
            emeritus.push({ login, file: file.path, line });
          }
        }
        if (contributes || file.noParentOwners) files.push(file.path);
        if (file.noParentOwners) {
          for (const role of ROLES) {
            if (!done.has(role) && found[role].length) {
              done.add(role);
              if (role === 'approvers') {
                inheritanceStoppedAt = {
                  file: file.path,
                  line: file.noParentOwners,
                };
              }
            }
          }
        }
      }
      if (dir === '' || done.size === ROLES.length) break;
      dir = ownersFileDir(dir);
    }

    const labels = new Map<string, OwnersCitation & { label: string }>();
    for (const { name, ...citation } of found.labels) {
      if (!labels.has(name)) labels.set(name, { label: name, ...citation });
    }
    return {
      path,
      isDirectory,
      approvers: this.people(found.approvers),
      reviewers: this.people(found.reviewers),
      labels: [...labels.values()],
      emeritus,
      approverEntries: [...new Set(found.approvers.map(e => e.name))],
      files,
      ...(inheritanceStoppedAt ? { inheritanceStoppedAt } : {}),
    };
  }

  /** Entries to people: an alias stands for its members, each citing the alias too. */
  private people(
    entries: Array<OwnersCitation & { name: string }>,
  ): EffectiveOwnersPerson[] {
    const byLogin = new Map<string, OwnersGrant[]>();
    const add = (login: string, grant: OwnersGrant) =>
      byLogin.set(login, [...(byLogin.get(login) ?? []), grant]);
    for (const { name, ...citation } of entries) {
      const alias = this.alias(name);
      if (!alias) {
        add(name, citation);
        continue;
      }
      for (const member of alias.members) {
        add(member, {
          ...citation,
          alias: { name: alias.name, file: alias.file, line: alias.line },
        });
      }
    }
    return [...byLogin]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([login, grants]) => ({ login, grants }));
  }
}

/** The logins of {@link EffectiveOwners} people, as a plain sorted list. */
export const loginsOf = (people: EffectiveOwnersPerson[]) =>
  people.map(p => p.login);

/** Names of an {@link OwnersNames} map: the logins, aliases or labels it lists. */
export const namesOf = (names: OwnersNames | undefined) =>
  Object.keys(names ?? {});

/**
 * The {@link OwnersRules} of a stored rule set, built once per rules object: the inventory
 * backend reads each repository's rules once per index build and asks many questions of them.
 */
export const ownersRulesOf: (
  rules: Pick<CodeOwnershipRules, 'owners' | 'aliases'>,
) => OwnersRules = oncePer(rules => new OwnersRules(rules));
