import { invalidArgument } from './status';

/** Field name (lower case) → the item's value for it, or undefined when it has none. */
export type QueryFields<T> = Record<string, (item: T) => string | undefined>;

/**
 * Compiles the query language of Resource Manager `SearchProjects` / `SearchOrganizations`:
 * whitespace-separated `field:value` terms that must all hold (an explicit `AND` is allowed),
 * `-field:value` to negate, `labels.<key>:value`, case-insensitive values, `value*` as a
 * prefix and `*` as "has any value". Unknown fields are INVALID_ARGUMENT, as in the real API.
 */
export function compileQuery<T>(
  query: string,
  fields: QueryFields<T>,
  labels?: (item: T) => Record<string, string>,
): (item: T) => boolean {
  const terms = query
    .split(/\s+/)
    .filter(term => term && term.toUpperCase() !== 'AND')
    .map(term => compileTerm(term, fields, labels));
  return item => terms.every(term => term(item));
}

function compileTerm<T>(
  term: string,
  fields: QueryFields<T>,
  labels: ((item: T) => Record<string, string>) | undefined,
): (item: T) => boolean {
  const negated = term.startsWith('-');
  const body = negated ? term.slice(1) : term;
  const colon = body.indexOf(':');
  if (colon <= 0) {
    throw invalidArgument(
      `Invalid query term "${term}": expected field:value (OR is not supported)`,
    );
  }
  const field = body.slice(0, colon).toLowerCase();
  const pattern = body
    .slice(colon + 1)
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();
  let read: ((item: T) => string | undefined) | undefined = fields[field];
  if (!read && labels && field.startsWith('labels.')) {
    const key = body.slice('labels.'.length, colon);
    read = item => labels(item)[key];
  }
  if (!read) {
    throw invalidArgument(
      `Unsupported query field "${body.slice(0, colon)}"; supported: ${[
        ...Object.keys(fields),
        ...(labels ? ['labels.<key>'] : []),
      ].join(', ')}`,
    );
  }
  const readField = read;
  const matches = (value: string | undefined) => {
    if (value === undefined || value === '') return false;
    const lower = value.toLowerCase();
    if (pattern === '*') return true;
    return pattern.endsWith('*')
      ? lower.startsWith(pattern.slice(0, -1))
      : lower === pattern;
  };
  return item => matches(readField(item)) !== negated;
}
