import { sortedUnique } from './declaredEntity';
import { AnalyzerInputError, parseYamlFile } from './yamlFile';
import { isRecord } from './yamlShape';

/*
 * Prow's OWNERS semantics (https://go.k8s.io/owners), as pure functions:
 * - an OWNERS file lists `approvers`, `reviewers`, `labels`, `emeritus_approvers` (and
 *   `emeritus_reviewers`), either at the top level or under `filters` keyed by a regular
 *   expression on the path relative to the file's directory (top level = `.*`);
 * - a directory's effective owners are the union of every OWNERS file from it up to the
 *   repository root, stopping after a file with `options.no_parent_owners: true`;
 * - entries may name aliases from the root OWNERS_ALIASES; GitHub logins and alias names are
 *   compared case-insensitively (lower-cased here).
 */

type OwnersEntries = {
  approvers: string[];
  reviewers: string[];
  labels: string[];
};

export type OwnersFile = OwnersEntries & {
  /** Repository path of the file, e.g. `dns/OWNERS`. */
  path: string;
  /** The directory it governs; `''` for the repository root. */
  dir: string;
  emeritusApprovers: string[];
  emeritusReviewers: string[];
  noParentOwners: boolean;
  filters: Array<OwnersEntries & { pattern: RegExp }>;
  /** Keys Prow does not know; kept so that typos are reported, not silently ignored. */
  unknownKeys: string[];
};

export type OwnersAliases = Map<string, string[]>;

/** What Prow would say about one path, and which OWNERS files said it. */
export type EffectiveOwners = {
  /** Logins, aliases expanded, lower-cased, sorted. */
  approvers: string[];
  reviewers: string[];
  labels: string[];
  /** The same labels, nearest OWNERS file first: the nearest file speaks for the path. */
  labelsNearestFirst: string[];
  /** Emeritus approvers and reviewers named along the way: not owners any more. */
  emeritus: string[];
  /** Approver entries as written (aliases not expanded), lower-cased. */
  approverEntries: string[];
  /** The OWNERS files that apply, nearest first. */
  sources: string[];
};

const KNOWN_KEYS = new Set([
  'approvers',
  'reviewers',
  'required_reviewers',
  'labels',
  'emeritus_approvers',
  'emeritus_reviewers',
  'options',
  'filters',
]);

/** The directory holding a file or directory; `''` is the repository root. */
const parentDir = (path: string) =>
  path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';

function stringList(value: unknown, path: string, key: string): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw new AnalyzerInputError(path, `'${key}' must be a list of strings`);
  }
  return value.map(v => v.trim()).filter(Boolean);
}

const lower = (values: string[]) => values.map(v => v.toLowerCase());

function entries(
  raw: Record<string, unknown>,
  path: string,
  where: string,
): OwnersEntries {
  return {
    approvers: lower(stringList(raw.approvers, path, `${where}approvers`)),
    reviewers: lower(stringList(raw.reviewers, path, `${where}reviewers`)),
    // Labels are not logins: their case is kept.
    labels: stringList(raw.labels, path, `${where}labels`),
  };
}

function asObject(
  value: unknown,
  path: string,
  what: string,
): Record<string, unknown> {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isRecord(value)) {
    throw new AnalyzerInputError(path, `${what} must be a mapping`);
  }
  return value;
}

/** Parses one OWNERS file. Throws an {@link AnalyzerInputError} naming the file. */
export function parseOwnersFile(content: string, path: string): OwnersFile {
  const raw = asObject(parseYamlFile(content, path), path, 'an OWNERS file');
  const options = asObject(raw.options, path, "'options'");
  const filters = Object.entries(asObject(raw.filters, path, "'filters'")).map(
    ([pattern, value]) => {
      let regexp: RegExp;
      try {
        regexp = new RegExp(pattern);
      } catch {
        throw new AnalyzerInputError(
          path,
          `filter '${pattern}' is not a valid regular expression`,
        );
      }
      return {
        pattern: regexp,
        ...entries(
          asObject(value, path, `filter '${pattern}'`),
          path,
          `filters.${pattern}.`,
        ),
      };
    },
  );
  return {
    path,
    dir: parentDir(path),
    ...entries(raw, path, ''),
    emeritusApprovers: lower(
      stringList(raw.emeritus_approvers, path, 'emeritus_approvers'),
    ),
    emeritusReviewers: lower(
      stringList(raw.emeritus_reviewers, path, 'emeritus_reviewers'),
    ),
    noParentOwners: options.no_parent_owners === true,
    filters,
    unknownKeys: Object.keys(raw).filter(k => !KNOWN_KEYS.has(k)),
  };
}

/** Parses the root OWNERS_ALIASES: alias → logins, all lower-cased. */
export function parseOwnersAliases(
  content: string,
  path: string,
): OwnersAliases {
  const raw = asObject(parseYamlFile(content, path), path, 'OWNERS_ALIASES');
  const aliases = asObject(raw.aliases, path, "'aliases'");
  return new Map(
    Object.entries(aliases).map(([name, logins]) => [
      name.toLowerCase(),
      lower(stringList(logins, path, `aliases.${name}`)),
    ]),
  );
}

/** The OWNERS files of one repository, answering Prow's questions about any path. */
export class OwnersTree {
  private readonly byDir: Map<string, OwnersFile>;

  constructor(
    files: OwnersFile[],
    private readonly aliases: OwnersAliases = new Map(),
  ) {
    this.byDir = new Map(files.map(f => [f.dir, f]));
  }

  /** Directories that have an OWNERS file, root first. */
  get directories(): string[] {
    return [...this.byDir.keys()].sort();
  }

  private expand(entry: string): string[] {
    return this.aliases.get(entry) ?? [entry];
  }

  /**
   * Effective owners of a directory (`path` ending in `/` or naming a directory with an
   * OWNERS file) or of a file.
   */
  ownersOf(path: string): EffectiveOwners {
    const normalized = path.replace(/^\/+/, '');
    const isDir =
      normalized === '' ||
      normalized.endsWith('/') ||
      this.byDir.has(normalized);
    const target = normalized.replace(/\/+$/, '');
    let dir = isDir ? target : parentDir(target);

    const found: OwnersEntries[] = [];
    const emeritus: string[] = [];
    const sources: string[] = [];
    for (;;) {
      const file = this.byDir.get(dir);
      if (file) {
        sources.push(file.path);
        found.push(file);
        emeritus.push(...file.emeritusApprovers, ...file.emeritusReviewers);
        // Filters match the path relative to the OWNERS file's directory.
        const relative = dir ? target.slice(dir.length + 1) : target;
        for (const filter of file.filters) {
          if (
            filter.pattern.source === '.*' ||
            (!isDir && filter.pattern.test(relative))
          ) {
            found.push(filter);
          }
        }
        if (file.noParentOwners) {
          break;
        }
      }
      if (dir === '') {
        break;
      }
      dir = parentDir(dir);
    }

    const approverEntries = sortedUnique(found.flatMap(e => e.approvers));
    return {
      approvers: sortedUnique(approverEntries.flatMap(e => this.expand(e))),
      reviewers: sortedUnique(
        found.flatMap(e => e.reviewers).flatMap(e => this.expand(e)),
      ),
      labels: sortedUnique(found.flatMap(e => e.labels)),
      labelsNearestFirst: [...new Set(found.flatMap(e => e.labels))],
      emeritus: sortedUnique(emeritus),
      approverEntries,
      sources,
    };
  }

  /**
   * The directories (with an OWNERS file) a login or an alias may approve. For an alias the
   * alias itself must be named on the way up, honouring `no_parent_owners`; for a login, its
   * aliases count too.
   */
  directoriesApprovedBy(loginOrAlias: string): string[] {
    const who = loginOrAlias.toLowerCase();
    const isAlias = this.aliases.has(who);
    return this.directories.filter(dir => {
      const owners = this.ownersOf(`${dir}/`);
      return isAlias
        ? owners.approverEntries.includes(who)
        : owners.approvers.includes(who);
    });
  }
}
