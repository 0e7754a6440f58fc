/**
 * `compute` once per object — a graph, an index build, a parsed file — and kept as long as
 * that object lives: what every answer of one build shares is worked out by the first answer
 * that needs it, and goes when the build is replaced.
 *
 * @public
 */
export function oncePer<K extends object, V>(
  compute: (key: K) => V,
): (key: K) => V {
  const kept = new WeakMap<K, V>();
  return key => {
    if (kept.has(key)) return kept.get(key)!;
    const value = compute(key);
    kept.set(key, value);
    return value;
  };
}

/**
 * The value under `key` in `map` (a Map or a WeakMap), computed and kept there on first use.
 *
 * @public
 */
export function keptIn<K, V>(
  map: {
    has(key: K): boolean;
    get(key: K): V | undefined;
    set(key: K, value: V): unknown;
  },
  key: K,
  compute: (key: K) => V,
): V {
  if (map.has(key)) return map.get(key)!;
  const value = compute(key);
  map.set(key, value);
  return value;
}
