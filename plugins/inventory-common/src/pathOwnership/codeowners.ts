import ignore from 'ignore';
import {
  emailPrincipalEntityName,
  githubTeamEntityName,
  githubUserEntityName,
} from '../entityNames';
import { isEmailAddress, isGithubLogin } from '../accounts';
import { CodeownersRule, CodeownersRules } from './rules';
import { oncePer } from '../memo';

/*
 * GitHub's CODEOWNERS (docs.github.com, "About code owners"), as pure functions:
 * - each line is a pattern followed by owners (`@login`, `@org/team`, or an e-mail address);
 *   `#` starts a comment, at the start of a line or of a word; the last rule that matches a
 *   path wins, and a rule without owners leaves its paths without an owner;
 * - patterns follow gitignore (matched with the `ignore` library), except that GitHub does not
 *   support `!` negation, `[ ]` character ranges or `\#` for a pattern starting with `#`
 *   (reported here, and the line skipped), that paths are case-sensitive, and that a pattern
 *   ending in a lone `*` (`docs/*`) matches only the files directly in that directory;
 * - GitHub skips a line it cannot read and uses the rest of the file; so does this module, and
 *   reports the line.
 */

/** Where GitHub looks for the file, in the order it looks: the first one present counts. */
export const CODEOWNERS_LOCATIONS = [
  '.github/CODEOWNERS',
  'CODEOWNERS',
  'docs/CODEOWNERS',
] as const;

/** GitHub does not load a CODEOWNERS file larger than this. */
const MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024;

/** The CODEOWNERS file GitHub would use, given the paths present in a repository. */
export function pickCodeownersFile(
  paths: Iterable<string>,
): string | undefined {
  const present = new Set(paths);
  return CODEOWNERS_LOCATIONS.find(location => present.has(location));
}

const TEAM = /^@([^/]+)\/([a-z0-9_-]+)$/i;

/**
 * The entity an owner stands for: a team the Group of that organization's team, a login a
 * User, an address the User of that e-mail. Anything else is not an owner GitHub accepts.
 */
export function codeownerRef(
  token: string,
): { ref: string } | { problem: string } {
  const team = token.match(TEAM);
  if (team && isGithubLogin(team[1])) {
    return { ref: `group:default/${githubTeamEntityName(team[1], team[2])}` };
  }
  if (token.startsWith('@') && isGithubLogin(token.slice(1))) {
    return { ref: `user:default/${githubUserEntityName(token.slice(1))}` };
  }
  if (isEmailAddress(token)) {
    return { ref: `user:default/${emailPrincipalEntityName(token)}` };
  }
  return {
    problem: `'${token}' is not an owner: expected @login, @org/team or an e-mail address`,
  };
}

/**
 * Splits a line into words at unescaped whitespace, up to a `#` that starts a word (a
 * comment). Backslashes stay, as the pattern syntax needs them.
 */
function words(line: string): string[] {
  const found: string[] = [];
  let word = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      word += line.slice(i, i + 2);
      i++;
    } else if (/\s/.test(ch)) {
      if (word) found.push(word);
      word = '';
    } else if (ch === '#' && !word) {
      break;
    } else {
      word += ch;
    }
  }
  return word ? [...found, word] : found;
}

/** Why GitHub would not accept a pattern, if it would not. */
function patternProblem(pattern: string): string | undefined {
  if (pattern.startsWith('!')) {
    return 'negation (!) is not supported in CODEOWNERS';
  }
  if (/(^|[^\\])[[\]]/.test(pattern)) {
    return 'character ranges ([ ]) are not supported in CODEOWNERS';
  }
  if (pattern.startsWith('\\#')) {
    return 'GitHub does not support escaping a pattern that starts with #';
  }
  if (/(^|[^\\])(\\\\)*\\$/.test(pattern)) {
    return 'the pattern ends in an escape';
  }
  if (pattern.includes('***')) {
    return 'a pattern cannot contain three consecutive asterisks';
  }
  if (pattern === '/') return "the pattern '/' never matches anything";
  return undefined;
}

type Matcher = (path: string) => boolean;

/**
 * A gitignore matcher for one pattern, with GitHub's one difference in matching: where the
 * last segment is a lone `*`, gitignore also matches everything below each matched directory,
 * and GitHub does not. Without `**`, every segment of such a pattern (anchored, as it has a
 * slash) matches exactly one path segment, so a path matched by itself has as many segments.
 */
function matcher(pattern: string): Matcher {
  const ig = ignore({ ignorecase: false }).add(pattern);
  const segments = pattern.replace(/^\//, '').split('/');
  const directOnly =
    (segments.length > 1 || pattern.startsWith('/')) &&
    segments[segments.length - 1] === '*' &&
    !pattern.includes('**');
  const prefix = literalPrefix(pattern);
  return path =>
    path.startsWith(prefix) &&
    ig.ignores(path) &&
    (!directOnly || path.split('/').length === segments.length);
}

/**
 * What every path an anchored pattern matches starts with: the pattern up to its first
 * wildcard or escape (`/apps/github` → `apps/github`). A string comparison that spares most
 * of a long file's rules the gitignore matcher; `''` for patterns that match at any depth.
 */
function literalPrefix(pattern: string): string {
  const body = pattern.replace(/^\//, '');
  const anchored =
    pattern.startsWith('/') || body.replace(/\/$/, '').includes('/');
  if (!anchored) return '';
  const wildcard = body.search(/[*?[\\]/);
  return wildcard === -1 ? body : body.slice(0, wildcard);
}

/** Compiled matchers per rules object: rules read from an entity are compiled once. */
const matchersOf = oncePer((file: CodeownersRules): Matcher[] =>
  file.rules.map(r => matcher(r.pattern)),
);

/** Reads a CODEOWNERS file. Never throws: an unreadable line is skipped and reported. */
export function parseCodeowners(
  path: string,
  content: string,
): CodeownersRules & { skipped: NonNullable<CodeownersRules['skipped']> } {
  const file = {
    path,
    rules: [] as CodeownersRule[],
    skipped: [] as Array<{ line?: number; reason: string }>,
  };
  if (new TextEncoder().encode(content).length > MAX_CODEOWNERS_BYTES) {
    file.skipped.push({
      reason: `larger than ${MAX_CODEOWNERS_BYTES} bytes; GitHub does not load it`,
    });
    return file;
  }
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((text, index) => {
      const line = index + 1;
      const [pattern, ...owners] = words(text);
      if (!pattern) return;
      const problem =
        patternProblem(pattern) ??
        owners
          .map(codeownerRef)
          .map(r => ('problem' in r ? r.problem : undefined))
          .find(Boolean);
      if (problem) {
        file.skipped.push({ line, reason: `${problem}; line skipped` });
        return;
      }
      try {
        matcher(pattern);
      } catch (e) {
        file.skipped.push({
          line,
          reason: `pattern '${pattern}' cannot be read (${e}); line skipped`,
        });
        return;
      }
      file.rules.push({ pattern, owners, line });
    });
  return file;
}

/**
 * The rule that decides who owns a repository path: the last one that matches. Undefined
 * when none does; a rule with no owners means the path has none.
 */
export function codeownersFor(
  file: CodeownersRules,
  repoPath: string,
): CodeownersRule | undefined {
  const path = repoPath.replace(/^(\.?\/)+/, '');
  if (!ignore.isPathValid(path)) return undefined;
  const compiled = matchersOf(file);
  for (let i = file.rules.length - 1; i >= 0; i--) {
    if (compiled[i](path)) return file.rules[i];
  }
  return undefined;
}

/**
 * The rule GitHub would apply to changes in a directory: that of a file directly in it (the
 * directory's OWNERS file, where it has one). GitHub requests reviews per changed file, and a
 * pattern naming a file type (`*.go`) speaks for those files only.
 */
export const codeownersForDirectory = (file: CodeownersRules, dir: string) =>
  codeownersFor(file, dir ? `${dir}/OWNERS` : 'OWNERS');
