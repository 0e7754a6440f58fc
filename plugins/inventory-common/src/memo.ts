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

/**
 * The value under `key` in `map`, computed on first use and kept among the `bound` most
 * recently asked: answers a build keeps per subject stay within a build's memory however many
 * subjects are asked about. A Map keeps its keys in insertion order, so the least recently
 * asked is its first.
 *
 * @public
 */
export function keptRecently<K, V>(
  map: Map<K, V>,
  key: K,
  bound: number,
  compute: (key: K) => V,
): V {
  if (map.has(key)) {
    const value = map.get(key)!;
    map.delete(key);
    map.set(key, value);
    return value;
  }
  const value = compute(key);
  map.set(key, value);
  if (map.size > bound) map.delete(map.keys().next().value!);
  return value;
}
