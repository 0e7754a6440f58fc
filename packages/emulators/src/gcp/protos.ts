import { ServiceDefinition } from '@grpc/grpc-js';
import { fromJSON, PackageDefinition } from '@grpc/proto-loader';
import { readFileSync } from 'node:fs';

/**
 * Decoded requests carry every field with its default (empty page token, page size 0, …) so
 * that handlers need no null checks; enums and 64-bit integers are strings, as in the clients.
 */
const LOADER_OPTIONS = {
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};

/** The services the emulator serves, by the short name used for counts, faults and latency. */
export const SERVED_SERVICES = {
  Organizations: 'google.cloud.resourcemanager.v3.Organizations',
  Folders: 'google.cloud.resourcemanager.v3.Folders',
  Projects: 'google.cloud.resourcemanager.v3.Projects',
  AssetService: 'google.cloud.asset.v1.AssetService',
  CloudBilling: 'google.cloud.billing.v1.CloudBilling',
} as const;

export type ServiceName = keyof typeof SERVED_SERVICES;

let cached: Record<ServiceName, ServiceDefinition> | undefined;

/**
 * The gRPC definitions of the served services, built from the descriptors that ship with the
 * official client libraries, so the emulator speaks exactly the wire format the clients expect.
 */
export function servedServiceDefinitions(): Record<
  ServiceName,
  ServiceDefinition
> {
  if (!cached) {
    const resourceManager = load(
      '@google-cloud/resource-manager/build/protos/protos.json',
    );
    const asset = load('@google-cloud/asset/build/protos/protos.json');
    const billing = load('@google-cloud/billing/build/protos/protos.json');
    const pick = (pkg: PackageDefinition, name: string) =>
      pkg[name] as ServiceDefinition;
    cached = {
      Organizations: pick(resourceManager, SERVED_SERVICES.Organizations),
      Folders: pick(resourceManager, SERVED_SERVICES.Folders),
      Projects: pick(resourceManager, SERVED_SERVICES.Projects),
      AssetService: pick(asset, SERVED_SERVICES.AssetService),
      CloudBilling: pick(billing, SERVED_SERVICES.CloudBilling),
    };
  }
  return cached;
}

function load(protosJson: string): PackageDefinition {
  const json = JSON.parse(readFileSync(require.resolve(protosJson), 'utf8'));
  return fromJSON(json, LOADER_OPTIONS);
}

/**
 * A service implementation: method name → function from the decoded request to the response
 * object. Handlers throw a GrpcError to answer with a status.
 */
export type UnaryHandlers = Record<string, (request: any) => object>;
