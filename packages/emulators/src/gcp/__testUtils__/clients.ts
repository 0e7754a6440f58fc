import { AssetServiceClient } from '@google-cloud/asset';
import {
  FoldersClient,
  OrganizationsClient,
  ProjectsClient,
} from '@google-cloud/resource-manager';
import { CallOptions, GoogleAuth, googleAuthLibrary, grpc } from 'google-gax';
import { GcpEmulator } from '../server';

/**
 * One call, as the crawler makes it: no client-side retries (so a fault is seen as its own
 * status, not as "retries exhausted") and no automatic pagination.
 */
export const ONCE: CallOptions = { retry: null, autoPaginate: false };

/** The official clients, configured for the emulator the way the GCP provider does it. */
export function clientsFor(emulator: GcpEmulator) {
  const options = {
    apiEndpoint: '127.0.0.1',
    port: emulator.port,
    sslCreds: grpc.credentials.createInsecure(),
    auth: new GoogleAuth({
      authClient: new googleAuthLibrary.PassThroughClient(),
    }),
  };
  const clients = {
    organizations: new OrganizationsClient(options),
    folders: new FoldersClient(options),
    projects: new ProjectsClient(options),
    assets: new AssetServiceClient(options),
  };
  return {
    ...clients,
    close: () => Promise.all(Object.values(clients).map(c => c.close())),
  };
}

/** The rejection of `promise`, to assert on its gRPC code and details. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ code?: number; details?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: number; details?: string };
  }
  throw new Error('Expected the call to fail');
}
