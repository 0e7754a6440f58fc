import { addTo } from '@infra-atlas/inventory-common';
import { runSteps } from '../graph/timeSlices';

/** True when one edit (insert, delete or substitute a character) turns a into b. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i + (a.length >= b.length ? 1 : 0));
  const restB = b.slice(i + (b.length >= a.length ? 1 : 0));
  return restA === restB;
}

const isDigit = (c: string | undefined) =>
  c !== undefined && c >= '0' && c <= '9';

/**
 * `boskos-001` / `boskos-061`, `scale-1` / `scale-11`: names one digit apart are a numbered
 * series, made on purpose.
 */
function numberedSeries(a: string, b: string): boolean {
  let i = 0;
  while (a[i] === b[i]) i++;
  if (a.length === b.length) return isDigit(a[i]) && isDigit(b[i]);
  return isDigit(a.length > b.length ? a[i] : b[i]);
}

const tokenAt = (name: string, i: number) => {
  const start =
    Math.max(name.lastIndexOf('-', i - 1), name.lastIndexOf('.', i - 1)) + 1;
  const rest = name.slice(start).search(/[-.]/);
  return name.slice(start, rest === -1 ? undefined : start + rest);
};

/** `…-staging-113e` / `…-staging-11ce`: generated hash suffixes differ on purpose too. */
function differsInHash(a: string, b: string): boolean {
  let i = 0;
  while (a[i] === b[i]) i++;
  const hex = /^[0-9a-f]{4,}$/;
  return hex.test(tokenAt(a, i)) && hex.test(tokenAt(b, i));
}

/**
 * Pairs of names one typo apart (`k8s-staging-kueue` / `k8s-staging-kueu`), found in linear
 * time: two such names share a key among themselves and their one-character deletions.
 * Numbered series are left out.
 */
export function nearDuplicatePairs(
  names: string[],
  minLength = 6,
): Array<[string, string]> {
  return runSteps(nearDuplicateSearch(names, minLength));
}

/**
 * {@link nearDuplicatePairs} in steps, one per name and per key shared by several names: at
 * 50,000 entities the search is seconds of work, which an index build runs in time slices.
 */
export function* nearDuplicateSearch(
  names: string[],
  minLength = 6,
): Generator<void, Array<[string, string]>> {
  const byKey = new Map<string, string[]>();
  const unique = [...new Set(names.map(n => n.toLowerCase()))].filter(
    n => n.length >= minLength,
  );
  for (const name of unique) {
    const keys = new Set([name]);
    for (let i = 0; i < name.length; i++)
      keys.add(name.slice(0, i) + name.slice(i + 1));
    for (const key of keys) addTo(byKey, key, name);
    yield;
  }
  const pairs = new Map<string, [string, string]>();
  let read = 0;
  for (const group of byKey.values()) {
    // Most keys are one name's alone, hundreds of thousands at 50,000 entities: a step per
    // thousand of them too, not only per shared key.
    if (group.length < 2) {
      if (++read % 1024 === 0) yield;
      continue;
    }
    // A key shared by hundreds of names (a numbered series) is a step per name of it.
    for (let i = 0; i < group.length; i++) {
      yield;
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i], group[j]].sort();
        if (
          withinOneEdit(a, b) &&
          !numberedSeries(a, b) &&
          !differsInHash(a, b)
        ) {
          pairs.set(`${a} ${b}`, [a, b]);
        }
      }
    }
  }
  return [...pairs.values()].sort((x, y) => x[0].localeCompare(y[0]));
}
