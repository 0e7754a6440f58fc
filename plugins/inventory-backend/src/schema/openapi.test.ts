/*
 * The OpenAPI document and the code generated from it cannot drift apart: this is what
 * `backstage-repo-tools repo schema openapi verify` checks, plus the values the document
 * states and the code also names (the roles, modes, kinds, scopes and relations the answers
 * are built with).
 */
import type { QueryParameters } from '@backstage/backend-openapi-utils';
import {
  BILLING_GROUP_BYS,
  GRAPH_KINDS,
  InventoryQueries,
  GRAPH_MODES,
  OWNERSHIP_ROLES,
  REVERSE_RELATION,
} from '@infra-atlas/inventory-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COMPLETENESS_SCOPES } from '../queries/completeness';
import { createRouter, RouterOptions } from '../service/router';
import { EndpointMap, spec } from './openapi';

/** Every operation of the document, as the generated EndpointMap keys it. */
type DocumentedOperation = `#get|${keyof (typeof spec)['paths']}`;
// Fails to compile when an operation is missing from EndpointMap, or EndpointMap has one the
// document does not.
const sameOperations: [
  DocumentedOperation extends keyof EndpointMap ? true : false,
  keyof EndpointMap extends DocumentedOperation ? true : false,
] = [true, true];

type Path = keyof (typeof spec)['paths'];
type Documented<P extends Path> = Required<
  QueryParameters<typeof spec, P, 'get'>
>;
type Stated<P extends Path> = Required<InventoryQueries[P]>;
/**
 * Whether a route's query type in inventory-common (shared by the client and the router's
 * handlers) names the document's parameters, and admits every value the document admits.
 */
type Matches<P extends Path> = [keyof Documented<P>] extends [keyof Stated<P>]
  ? [keyof Stated<P>] extends [keyof Documented<P>]
    ? Documented<P> extends Stated<P>
      ? true
      : false
    : false
  : false;
// Fails to compile when a query type drifts from the document.
const queriesMatch: { [P in Path]: Matches<P> } = {
  '/status': true,
  '/placement': true,
  '/explorer': true,
  '/configuration': true,
  '/administrators': true,
  '/access': true,
  '/ownership': true,
  '/impact': true,
  '/graph': true,
  '/drift': true,
  '/owners-files': true,
  '/path-ownership': true,
  '/runbook': true,
  '/completeness': true,
  '/links': true,
  '/billing': true,
  '/billing/entity': true,
};

describe('the inventory OpenAPI document', () => {
  it('is what the generated router was generated from', () => {
    const document = parse(
      readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(document);
    expect(sameOperations).toEqual([true, true]);
    expect(Object.values(queriesMatch).every(Boolean)).toBe(true);
  });

  // The validator lets routes the document does not name through unchecked.
  it('names every route the router serves', () => {
    const router = createRouter({} as RouterOptions);
    const served = router.stack
      .flatMap(layer => (layer.route ? [layer.route.path] : []))
      .filter(path => path !== '/openapi.json');
    expect(served.sort()).toEqual(Object.keys(spec.paths).sort());
  });

  it('names the values the answers are built with', () => {
    const { schemas } = spec.components;
    const sorted = (values: readonly string[]) => [...values].sort();
    expect(sorted(schemas.OwnershipRole.enum)).toEqual(sorted(OWNERSHIP_ROLES));
    expect(sorted(schemas.BillingGroupBy.enum)).toEqual(
      sorted([...BILLING_GROUP_BYS]),
    );
    expect(sorted(schemas.GraphMode.enum)).toEqual(sorted(GRAPH_MODES));
    expect(sorted(schemas.GraphKind.enum)).toEqual(sorted(GRAPH_KINDS));
    expect(sorted(schemas.CompletenessScope.enum)).toEqual(
      sorted(COMPLETENESS_SCOPES),
    );
    expect(sorted(schemas.WalkableRelation.enum)).toEqual(
      sorted(Object.keys(REVERSE_RELATION)),
    );
  });
});
