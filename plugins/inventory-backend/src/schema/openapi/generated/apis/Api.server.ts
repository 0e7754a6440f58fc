//

// ******************************************************************
// * Written in the layout of `backstage-repo-tools package schema openapi generate --server`
// * (template typescript-backstage-server/apis/api-all): the Java generator that renders it
// * cannot be fetched on this project's machines. Queries and answers are the types of
// * @infra-atlas/inventory-common that the client shares; ../../openapi.test.ts checks, when
// * it compiles, that every operation of ../../openapi.yaml has its entry here and no other,
// * and that each query type has the document's parameters with the document's types.
// ******************************************************************
import type {
  AccessResponse,
  AdministratorsResponse,
  BillingReport,
  CompletenessResponse,
  ConfigurationResponse,
  DriftResponse,
  EntityCost,
  ExplorerResponse,
  GraphResponse,
  ImpactResponse,
  InventoryQueries,
  LinksResponse,
  OwnershipResponse,
  OwnersFilesResponse,
  PathOwnershipResponse,
  PlacementResponse,
  RunbookResponse,
  StatusResponse,
} from '@infra-atlas/inventory-common';

/**
 * Backstage's error body.
 * @public
 */
export type Error = {
  error: { name: string; message: string };
  request?: { method?: string; url?: string };
  response?: { statusCode?: number };
};

/** @public */
export type GetStatus = {
  query: InventoryQueries['/status'];
  response: StatusResponse | Error;
};
/** @public */
export type GetPlacement = {
  query: InventoryQueries['/placement'];
  response: PlacementResponse | Error;
};
/** @public */
export type GetExplorer = {
  query: InventoryQueries['/explorer'];
  response: ExplorerResponse | Error;
};
/** @public */
export type GetConfiguration = {
  query: InventoryQueries['/configuration'];
  response: ConfigurationResponse | Error;
};
/** @public */
export type GetAdministrators = {
  query: InventoryQueries['/administrators'];
  response: AdministratorsResponse | Error;
};
/** @public */
export type GetAccess = {
  query: InventoryQueries['/access'];
  response: AccessResponse | Error;
};
/** @public */
export type GetOwnership = {
  query: InventoryQueries['/ownership'];
  response: OwnershipResponse | Error;
};
/** @public */
export type GetImpact = {
  query: InventoryQueries['/impact'];
  response: ImpactResponse | Error;
};
/** @public */
export type GetGraph = {
  query: InventoryQueries['/graph'];
  response: GraphResponse | Error;
};
/** @public */
export type GetDrift = {
  query: InventoryQueries['/drift'];
  response: DriftResponse | Error;
};
/** @public */
export type GetOwnersFiles = {
  query: InventoryQueries['/owners-files'];
  response: OwnersFilesResponse | Error;
};
/** @public */
export type GetPathOwnership = {
  query: InventoryQueries['/path-ownership'];
  response: PathOwnershipResponse | Error;
};
/** @public */
export type GetRunbook = {
  query: InventoryQueries['/runbook'];
  response: RunbookResponse | Error;
};
/** @public */
export type GetCompleteness = {
  query: InventoryQueries['/completeness'];
  response: CompletenessResponse | Error;
};
/** @public */
export type GetLinks = {
  query: InventoryQueries['/links'];
  response: LinksResponse | Error;
};

/** @public */
export type GetBilling = {
  query: InventoryQueries['/billing'];
  response: BillingReport | Error;
};
/** @public */
export type GetBillingEntity = {
  query: InventoryQueries['/billing/entity'];
  response: EntityCost | Error;
};

/** @public */
export type EndpointMap = {
  '#get|/status': GetStatus;
  '#get|/placement': GetPlacement;
  '#get|/explorer': GetExplorer;
  '#get|/configuration': GetConfiguration;
  '#get|/administrators': GetAdministrators;
  '#get|/access': GetAccess;
  '#get|/ownership': GetOwnership;
  '#get|/impact': GetImpact;
  '#get|/graph': GetGraph;
  '#get|/drift': GetDrift;
  '#get|/owners-files': GetOwnersFiles;
  '#get|/path-ownership': GetPathOwnership;
  '#get|/runbook': GetRunbook;
  '#get|/completeness': GetCompleteness;
  '#get|/links': GetLinks;
  '#get|/billing': GetBilling;
  '#get|/billing/entity': GetBillingEntity;
};
