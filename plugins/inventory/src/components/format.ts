import { Entity } from '@backstage/catalog-model';
import { entityTitle } from '@infra-atlas/inventory-common';

/*
 * How the inventory's pages, cards and widgets write times, counts and lists: one place, so
 * that they all say it the same way.
 */

/** An ISO time in UTC to the minute, the same for every viewer and in every test. */
export const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * A count with its noun, thousands separated as everywhere else on the pages:
 * `plural(1, 'entity', 'entities')` is `1 entity`, `plural(3367, …)` `3,367 entities`.
 */
export const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Catalog entities in the order people read them: by title, else by name. */
export const byTitle = (a: Entity, b: Entity) =>
  entityTitle(a).localeCompare(entityTitle(b));
