/**
 * Appends to the list under `key`, creating it; keeps grouping loops linear.
 *
 * @public
 */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
