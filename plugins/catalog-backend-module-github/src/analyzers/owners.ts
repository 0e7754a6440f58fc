import {
  OwnersAliasesRules,
  OwnersFileRules,
  OwnersFilterRule,
  OwnersNames,
  OwnersRuleEntries,
  compileOwnersFilter,
} from '@infra-atlas/inventory-common';
import { AnalyzerProblem, problemAt } from './types';
import {
  AnalyzerInputError,
  YamlDocument,
  parseYamlWithLines,
} from './yamlFile';
import { isRecord } from './yamlShape';

/*
 * Reads Prow's OWNERS and OWNERS_ALIASES files (https://go.k8s.io/owners) into the rules the
 * repository's Component stores, each entry with its line. What the rules mean for a path is
 * inventory-common's `OwnersRules`, shared with the inventory backend. As Prow reads them:
 * - a file with top-level `approvers`, `reviewers`, `required_reviewers` or `labels` is a
 *   simple file, and its `filters` are ignored (reported); otherwise its `filters` apply;
 * - a filter whose regexp cannot be compiled is skipped (reported), the rest of the file kept;
 * - logins and alias names are compared case-insensitively (lower-cased here); labels keep
 *   their case.
 */

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

type Keys = Array<string | number>;

/** A list of strings at `keys`, as name → line; throws for any other shape. */
function names(
  doc: YamlDocument,
  value: unknown,
  keys: Keys,
  path: string,
  lowerCase = true,
): OwnersNames | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw new AnalyzerInputError(
      path,
      `'${keys.join('.')}' must be a list of strings`,
      doc.lineOf(keys),
    );
  }
  const found: OwnersNames = {};
  value.forEach((raw: string, index) => {
    const name = lowerCase ? raw.trim().toLowerCase() : raw.trim();
    if (name && !(name in found)) {
      found[name] = doc.lineOf([...keys, index]) ?? doc.lineOf(keys) ?? 1;
    }
  });
  return Object.keys(found).length ? found : undefined;
}

function entries(
  doc: YamlDocument,
  raw: Record<string, unknown>,
  keys: Keys,
  path: string,
): OwnersRuleEntries {
  const approvers = names(doc, raw.approvers, [...keys, 'approvers'], path);
  const reviewers = names(doc, raw.reviewers, [...keys, 'reviewers'], path);
  const labels = names(doc, raw.labels, [...keys, 'labels'], path, false);
  return {
    ...(approvers ? { approvers } : {}),
    ...(reviewers ? { reviewers } : {}),
    ...(labels ? { labels } : {}),
  };
}

function asObject(
  doc: YamlDocument,
  value: unknown,
  keys: Keys,
  path: string,
  what: string,
): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    throw new AnalyzerInputError(
      path,
      `${what} must be a mapping`,
      doc.lineOf(keys),
    );
  }
  return value;
}

/**
 * Parses one OWNERS file into its rules, with the problems Prow would silently pass over.
 * Throws an {@link AnalyzerInputError} naming the file (and line) when it cannot be read.
 */
export function parseOwnersFile(
  content: string,
  path: string,
): { rules: OwnersFileRules; problems: AnalyzerProblem[] } {
  const doc = parseYamlWithLines(content, path);
  const raw = asObject(doc, doc.value, [], path, 'an OWNERS file');
  const problems: AnalyzerProblem[] = Object.keys(raw)
    .filter(key => !KNOWN_KEYS.has(key))
    .map(key =>
      problemAt(
        path,
        doc.lineOf([key]),
        `unknown key '${key}'; Prow ignores it`,
      ),
    );
  const options = asObject(doc, raw.options, ['options'], path, "'options'");
  const top = entries(doc, raw, [], path);
  const simple =
    Object.keys(top).length > 0 ||
    (Array.isArray(raw.required_reviewers) &&
      raw.required_reviewers.length > 0);
  const rawFilters = asObject(doc, raw.filters, ['filters'], path, "'filters'");
  const filters: OwnersFilterRule[] = [];
  if (simple && Object.keys(rawFilters).length) {
    problems.push(
      problemAt(
        path,
        doc.lineOf(['filters']),
        'filters are ignored: Prow reads a file with top-level approvers, reviewers or labels as a simple OWNERS file',
      ),
    );
  } else {
    for (const [pattern, value] of Object.entries(rawFilters)) {
      const line = doc.lineOf(['filters', pattern]) ?? 1;
      if (!compileOwnersFilter(pattern)) {
        problems.push(
          problemAt(
            path,
            line,
            `filter '${pattern}' is not a valid regular expression; Prow skips it`,
          ),
        );
        continue;
      }
      const keys = ['filters', pattern];
      filters.push({
        pattern,
        line,
        ...entries(
          doc,
          asObject(doc, value, keys, path, `filter '${pattern}'`),
          keys,
          path,
        ),
      });
    }
  }
  const emeritus = {
    ...names(doc, raw.emeritus_reviewers, ['emeritus_reviewers'], path),
    ...names(doc, raw.emeritus_approvers, ['emeritus_approvers'], path),
  };
  return {
    rules: {
      path,
      ...top,
      ...(Object.keys(emeritus).length ? { emeritus } : {}),
      ...(options.no_parent_owners === true
        ? {
            noParentOwners:
              doc.lineOf(['options', 'no_parent_owners']) ?? doc.line,
          }
        : {}),
      ...(filters.length ? { filters } : {}),
    },
    problems,
  };
}

/** Parses the root OWNERS_ALIASES: each alias (lower-cased) with its line and members. */
export function parseOwnersAliases(
  content: string,
  path: string,
): OwnersAliasesRules {
  const doc = parseYamlWithLines(content, path);
  const raw = asObject(doc, doc.value, [], path, 'OWNERS_ALIASES');
  const aliases = asObject(doc, raw.aliases, ['aliases'], path, "'aliases'");
  return {
    path,
    aliases: Object.fromEntries(
      Object.entries(aliases).map(([name, logins]) => [
        name.toLowerCase(),
        {
          line: doc.lineOf(['aliases', name]) ?? 1,
          members: Object.keys(
            names(doc, logins, ['aliases', name], path) ?? {},
          ),
        },
      ]),
    ),
  };
}
