import { spec } from './openapi';

/** Follows a local `$ref` (`#/components/…`) of the inventory's document; anything else is itself. */
export function resolveRef<T>(node: unknown): T {
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node as T;
  return resolveRef(
    ref
      .slice(2)
      .split('/')
      .reduce<any>((at, key) => at[key], spec),
  );
}
