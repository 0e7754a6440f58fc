import { InputError } from '@backstage/errors';
import { RequestHandler } from 'express';
import { spec } from './openapi';
import { resolveRef } from './resolveRef';

type Spec = typeof spec;
type Parameter = { name: string; in: string; schema: { type?: string } };

/** The query parameters each route declares as integers, by route path. */
function integerParameters(document: Spec): Map<string, string[]> {
  return new Map(
    Object.entries(document.paths).map(([path, item]) => [
      path,
      ((item.get as { parameters?: unknown[] }).parameters ?? [])
        .map(p => resolveRef<Parameter>(p))
        .filter(
          p => p.in === 'query' && resolveRef<any>(p.schema).type === 'integer',
        )
        .map(p => p.name),
    ]),
  );
}

/**
 * The validator of @backstage/backend-openapi-utils coerces query strings the way Ajv does, so
 * `depth=01`, `depth=1e1` and `depth=%203` would pass as integers. A query integer must be
 * written as one: decimal digits, no sign, no leading zero, nothing around them. Runs before the
 * validator, which then checks the document's bounds.
 */
export function integerSpelling(): RequestHandler {
  const integers = integerParameters(spec);
  return (req, _res, next) => {
    for (const name of integers.get(req.path) ?? []) {
      const value = req.query[name];
      if (typeof value === 'string' && !/^(0|[1-9]\d*)$/.test(value)) {
        throw new InputError(
          `request/query/${name} must be an integer written in decimal digits, not '${value}'`,
        );
      }
    }
    next();
  };
}
