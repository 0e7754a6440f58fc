//

// ******************************************************************
// * Written in the layout of `backstage-repo-tools package schema openapi generate --server`
// * (template typescript-backstage-server/apis/api-all): the Java generator that renders it
// * cannot be fetched on this project's machines. The answers are typed with the types of
// * @infra-atlas/inventory-common that build them; ../../openapi.test.ts checks that every
// * operation of ../openapi.yaml has its entry here and no other.
// ******************************************************************
import type {
  AccessResponse,
  AdministratorsResponse,
  CompletenessResponse,
  ConfigurationResponse,
  DriftResponse,
  ExplorerResponse,
  GraphMode,
  GraphResponse,
  ImpactDirection,
  ImpactResponse,
  LinksResponse,
  OwnershipResponse,
  OwnershipRole,
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
export type EntityQuery = { query: { entity: string } };

/** @public */
export type GetStatus = { response: StatusResponse | Error };
/** @public */
export type GetPlacement = EntityQuery & {
  response: PlacementResponse | Error;
};
/** @public */
export type GetExplorer = { response: ExplorerResponse | Error };
/** @public */
export type GetConfiguration = {
  query: {
    type?: string;
    setting?: string;
    value?: string;
    service?: string;
    limit?: number;
  };
  response: ConfigurationResponse | Error;
};
/** @public */
export type GetAdministrators = EntityQuery & {
  response: AdministratorsResponse | Error;
};
/** @public */
export type GetAccess = EntityQuery & { response: AccessResponse | Error };
/** @public */
export type GetOwnership = {
  query: {
    q: string;
    limit?: number;
    role?: Array<OwnershipRole>;
    section?: string;
    offset?: number;
    pageSize?: number;
  };
  response: OwnershipResponse | Error;
};
/** @public */
export type GetImpact = {
  query: {
    entity: string;
    direction?: ImpactDirection;
    depth?: number;
    relations?: Array<string>;
  };
  response: ImpactResponse | Error;
};
/** @public */
export type GetGraph = {
  query: {
    entity: string;
    mode?: GraphMode;
    depth?: number;
    relations?: Array<string>;
    kinds?: Array<string>;
    maxNodes?: number;
  };
  response: GraphResponse | Error;
};
/** @public */
export type GetDrift = {
  query: { entity?: string };
  response: DriftResponse | Error;
};
/** @public */
export type GetOwnersFiles = EntityQuery & {
  response: OwnersFilesResponse | Error;
};
/** @public */
export type GetPathOwnership = {
  query: { repository: string; path: string };
  response: PathOwnershipResponse | Error;
};
/** @public */
export type GetRunbook = EntityQuery & { response: RunbookResponse | Error };
/** @public */
export type GetCompleteness = {
  query: { scope?: 'all' | 'owner' | 'system' | 'entity'; key?: string };
  response: CompletenessResponse | Error;
};
/** @public */
export type GetLinks = {
  query: { entity?: string };
  response: LinksResponse | Error;
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
};
