/**
 * A comparator on `key`, ascending or descending, by plain `<` (code points, as GitHub's
 * sorts by name behave, not locale rules). `Array.prototype.sort` is stable, so items with
 * equal keys keep their order: creation order, for repositories.
 */
export const byKey =
  <T>(key: (item: T) => string | number, descending: boolean) =>
  (a: T, b: T): number => {
    const order = key(a) < key(b) ? -1 : Number(key(a) > key(b));
    return descending ? -order : order;
  };
