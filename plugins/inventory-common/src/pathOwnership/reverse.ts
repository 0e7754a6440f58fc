import { addTo } from '../multimap';
import { oncePer } from '../memo';
import { codeownerRef } from './codeowners';
import { ownersRulesOf } from './prow';
import { CodeOwnershipRules, OwnersRuleEntries, isDirAtOrAbove } from './rules';

/*
 * The reverse of a path question: which rules of one repository name a login, an alias or a
 * team, and so which directories (and filtered paths) it approves, reviews or code-owns.
 */

/** @public */
export type RuleRole = 'approves' | 'reviews' | 'emeritus' | 'code-owns';

/** One rule that names the subject. */
export type RuleNaming = {
  role: RuleRole;
  /** The directory the rule governs (`''` is the root); for CODEOWNERS, the root. */
  directory: string;
  /** The OWNERS filter or the CODEOWNERS pattern, when the rule covers only matching paths. */
  pattern?: string;
  file: string;
  line: number;
  /** The alias the subject is named through (a login's alias), with its definition. */
  alias?: { name: string; file: string; line: number };
  /**
   * Subdirectories this rule does not reach: their OWNERS file sets `no_parent_owners` and
   * names its own people for the role.
   */
  except?: string[];
};

const ROLE_KEYS = [
  ['approves', 'approvers'],
  ['reviews', 'reviewers'],
] as const;
type RoleKey = (typeof ROLE_KEYS)[number][1];

/** Directories in tree order: each directory's subdirectories right after it. */
const byTreeOrder = (a: string, b: string) => {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
};

/**
 * The directories whose OWNERS file ends inheritance of `key`: it sets `no_parent_owners` and
 * names its own people for the role. Computed once per rules object.
 */
const inheritanceStopsOf = oncePer(
  (source: CodeOwnershipRules): Record<RoleKey, string[]> => {
    const rules = ownersRulesOf(source);
    const names = (entries: OwnersRuleEntries, key: RoleKey) =>
      Object.keys(entries[key] ?? {}).length > 0;
    const stopping = (key: RoleKey) =>
      [...rules.directories].sort(byTreeOrder).filter(d => {
        const file = rules.fileOf(d)!;
        return (
          !!file.noParentOwners &&
          (names(file, key) ||
            (file.filters ?? []).some(f => f.pattern === '.*' && names(f, key)))
        );
      });
    return {
      approvers: stopping('approvers'),
      reviewers: stopping('reviewers'),
    };
  },
);

/**
 * The subdirectories of `dir` where inheritance stops, outermost only: `all` is in tree
 * order, so a stop inside the last one kept comes right after it.
 */
function inheritanceStops(all: string[], dir: string): string[] {
  const kept: string[] = [];
  for (const d of all) {
    if (d === dir || !isDirAtOrAbove(dir, d)) continue;
    const last = kept[kept.length - 1];
    if (last === undefined || !isDirAtOrAbove(last, d)) kept.push(d);
  }
  return kept;
}

/** One OWNERS entry or CODEOWNERS rule naming someone, in the order the files list them. */
type NamedEntry = {
  role: RuleRole;
  key?: RoleKey;
  directory: string;
  pattern?: string;
  file: string;
  line: number;
};

/** What names whom in one rule set: built once per rules object, so a look-up is a get. */
type NameIndex = {
  /** Lower-cased login or alias → its OWNERS entries (emeritus included), in file order. */
  owners: Map<string, NamedEntry[]>;
  /** Entity ref of a CODEOWNERS owner → the rules naming it, in file order. */
  codeowners: Map<string, NamedEntry[]>;
};

/** Who each rule names, once per rules object. */
const nameIndexOf = oncePer((rules: CodeOwnershipRules): NameIndex => {
  const owners = ownersRulesOf(rules);
  const index: NameIndex = { owners: new Map(), codeowners: new Map() };
  for (const directory of owners.directories) {
    const file = owners.fileOf(directory)!;
    const sets: Array<[OwnersRuleEntries, string | undefined]> = [
      [file, undefined],
      ...(file.filters ?? []).map(
        f =>
          [f, f.pattern === '.*' ? undefined : f.pattern] as [
            OwnersRuleEntries,
            string | undefined,
          ],
      ),
    ];
    for (const [entries, pattern] of sets) {
      for (const [role, key] of ROLE_KEYS) {
        for (const [name, line] of Object.entries(entries[key] ?? {})) {
          addTo(index.owners, name, {
            role,
            key,
            directory,
            ...(pattern ? { pattern } : {}),
            file: file.path,
            line,
          });
        }
      }
    }
    for (const [name, line] of Object.entries(file.emeritus ?? {})) {
      addTo(index.owners, name, {
        role: 'emeritus',
        directory,
        file: file.path,
        line,
      });
    }
  }
  for (const rule of rules.codeowners?.rules ?? []) {
    for (const owner of rule.owners) {
      const ref = codeownerRef(owner);
      if (!('ref' in ref)) continue;
      addTo(index.codeowners, ref.ref, {
        role: 'code-owns',
        directory: '',
        pattern: rule.pattern,
        file: rules.codeowners!.path,
        line: rule.line,
      });
    }
  }
  return index;
});

/**
 * The rules of a repository that name `subject`: an OWNERS_ALIASES alias (the OWNERS entries
 * naming it), a login (its own entries, those of the aliases it is in, its emeritus entries and
 * its CODEOWNERS rules), `@org/team` or an e-mail address (CODEOWNERS rules). Case-insensitive.
 */
export function rulesNaming(
  rules: CodeOwnershipRules,
  subject: string,
): RuleNaming[] {
  const owners = ownersRulesOf(rules);
  const stops = inheritanceStopsOf(rules);
  const index = nameIndexOf(rules);
  const who = subject
    .trim()
    .toLowerCase()
    .replace(/^@(?=[^/]+$)/, '');
  const asAlias = owners.alias(who);
  const viaAliases = asAlias
    ? []
    : Object.entries(rules.aliases?.aliases ?? {})
        .filter(([, alias]) => alias.members.includes(who))
        .map(([name]) => owners.alias(name)!);

  const named: Array<{ entry: NamedEntry; via?: (typeof viaAliases)[number] }> =
    asAlias
      ? (index.owners.get(asAlias.name) ?? [])
          .filter(entry => entry.role !== 'emeritus')
          .map(entry => ({ entry }))
      : [
          ...(index.owners.get(who) ?? []).map(entry => ({ entry })),
          ...viaAliases.flatMap(via =>
            (index.owners.get(via.name) ?? [])
              .filter(entry => entry.role !== 'emeritus')
              .map(entry => ({ entry, via })),
          ),
        ];
  // In the order the files list them: directories root first, entries as written.
  const order = new Map(owners.directories.map((d, i) => [d, i]));
  named.sort(
    (a, b) =>
      order.get(a.entry.directory)! - order.get(b.entry.directory)! ||
      (a.entry.role === 'emeritus' ? 1 : 0) -
        (b.entry.role === 'emeritus' ? 1 : 0) ||
      a.entry.line - b.entry.line,
  );
  const found: RuleNaming[] = named.map(({ entry, via }) => {
    const { key, ...naming } = entry;
    const except = key ? inheritanceStops(stops[key], entry.directory) : [];
    return {
      ...naming,
      ...(via
        ? { alias: { name: via.name, file: via.file, line: via.line } }
        : {}),
      ...(except.length ? { except } : {}),
    };
  });

  // CODEOWNERS names people and teams, never aliases: `login` is `@login`, `org/team` a team.
  const token = subject.includes('@') ? subject.trim() : `@${subject.trim()}`;
  const wanted = asAlias ? undefined : codeownerRef(token);
  if (wanted && 'ref' in wanted) {
    found.push(...(index.codeowners.get(wanted.ref) ?? []));
  }
  return found;
}
