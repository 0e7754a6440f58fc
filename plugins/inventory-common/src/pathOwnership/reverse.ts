import { codeownerRef } from './codeowners';
import { OwnersRules } from './prow';
import {
  CodeOwnershipRules,
  OwnersFileRules,
  OwnersRuleEntries,
  isDirAtOrAbove,
} from './rules';

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

/** The subdirectories of `dir` where inheritance of `key` stops, outermost only. */
function inheritanceStops(
  rules: OwnersRules,
  dir: string,
  key: 'approvers' | 'reviewers',
): string[] {
  const names = (entries: OwnersRuleEntries) =>
    Object.keys(entries[key] ?? {}).length > 0;
  const stops = rules.directories.filter(d => {
    const file = rules.fileOf(d)!;
    return (
      d !== dir &&
      isDirAtOrAbove(dir, d) &&
      !!file.noParentOwners &&
      (names(file) ||
        (file.filters ?? []).some(f => f.pattern === '.*' && names(f)))
    );
  });
  return stops.filter(
    d => !stops.some(other => other !== d && isDirAtOrAbove(other, d)),
  );
}

/** The entries of a file, top level and filters, as (role, pattern, name, line). */
function* entriesOf(file: OwnersFileRules) {
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
        yield { role, key, pattern, name, line };
      }
    }
  }
}

/**
 * The rules of a repository that name `subject`: an OWNERS_ALIASES alias (the OWNERS entries
 * naming it), a login (its own entries, those of the aliases it is in, its emeritus entries and
 * its CODEOWNERS rules), `@org/team` or an e-mail address (CODEOWNERS rules). Case-insensitive.
 */
export function rulesNaming(
  rules: CodeOwnershipRules,
  subject: string,
): RuleNaming[] {
  const owners = new OwnersRules(rules);
  const who = subject
    .trim()
    .toLowerCase()
    .replace(/^@(?=[^/]+$)/, '');
  const asAlias = owners.alias(who);
  const aliasesOfLogin = Object.entries(rules.aliases?.aliases ?? {})
    .filter(([, alias]) => alias.members.includes(who))
    .map(([name]) => owners.alias(name)!);
  const found: RuleNaming[] = [];

  for (const dir of owners.directories) {
    const file = owners.fileOf(dir)!;
    for (const { role, key, pattern, name, line } of entriesOf(file)) {
      const via = asAlias
        ? undefined
        : aliasesOfLogin.find(a => a.name === name);
      const named = asAlias ? name === asAlias.name : name === who || !!via;
      if (!named) continue;
      const except = inheritanceStops(owners, dir, key);
      found.push({
        role,
        directory: dir,
        ...(pattern ? { pattern } : {}),
        file: file.path,
        line,
        ...(via
          ? { alias: { name: via.name, file: via.file, line: via.line } }
          : {}),
        ...(except.length ? { except } : {}),
      });
    }
    const emeritus = file.emeritus ?? {};
    if (!asAlias && Object.prototype.hasOwnProperty.call(emeritus, who)) {
      found.push({
        role: 'emeritus',
        directory: dir,
        file: file.path,
        line: emeritus[who],
      });
    }
  }

  // CODEOWNERS names people and teams, never aliases: `login` is `@login`, `org/team` a team.
  const token = subject.includes('@') ? subject.trim() : `@${subject.trim()}`;
  const wanted = asAlias ? undefined : codeownerRef(token);
  if (rules.codeowners && wanted && 'ref' in wanted) {
    for (const rule of rules.codeowners.rules) {
      const named = rule.owners.some(owner => {
        const ref = codeownerRef(owner);
        return 'ref' in ref && ref.ref === wanted.ref;
      });
      if (named) {
        found.push({
          role: 'code-owns',
          directory: '',
          pattern: rule.pattern,
          file: rules.codeowners.path,
          line: rule.line,
        });
      }
    }
  }
  return found;
}
