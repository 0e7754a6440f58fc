import { AssetServiceClient } from '@google-cloud/asset';
import {
  FoldersClient,
  OrganizationsClient,
  ProjectsClient,
} from '@google-cloud/resource-manager';
import { GoogleAuth, googleAuthLibrary, grpc } from 'google-gax';
import { ConnectionOptions, CredentialOptions } from './config';

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/** The official clients a crawl uses, created once per provider. */
export type GcpClients = {
  organizations: OrganizationsClient;
  folders: FoldersClient;
  projects: ProjectsClient;
  assets: AssetServiceClient;
  close(): Promise<void>;
};

/**
 * Builds the auth for all clients: none for the emulator, else a key (file or JSON) or
 * Application Default Credentials, optionally impersonating a crawler service account.
 */
async function createAuth(
  connection: ConnectionOptions,
  credentials: CredentialOptions,
): Promise<GoogleAuth> {
  if (connection.insecure) {
    // Without this the client probes the GCE metadata server for credentials.
    return new GoogleAuth({
      authClient: new googleAuthLibrary.PassThroughClient(),
    });
  }
  const base = new GoogleAuth({
    scopes: [CLOUD_PLATFORM_SCOPE],
    keyFile: credentials.keyFile,
    credentials: credentials.keyJson
      ? JSON.parse(credentials.keyJson)
      : undefined,
  });
  if (!credentials.impersonateServiceAccount) {
    return base;
  }
  const impersonated = new googleAuthLibrary.Impersonated({
    sourceClient: await base.getClient(),
    targetPrincipal: credentials.impersonateServiceAccount,
    targetScopes: [CLOUD_PLATFORM_SCOPE],
    lifetime: 3600,
  });
  return new GoogleAuth({ authClient: impersonated });
}

export async function createGcpClients(
  connection: ConnectionOptions,
  credentials: CredentialOptions,
): Promise<GcpClients> {
  const auth = await createAuth(connection, credentials);
  const options = {
    auth,
    ...(connection.endpoint ? { apiEndpoint: connection.endpoint } : {}),
    ...(connection.port ? { port: connection.port } : {}),
    ...(connection.insecure
      ? { sslCreds: grpc.credentials.createInsecure() }
      : {}),
  };
  const clients = {
    organizations: new OrganizationsClient(options),
    folders: new FoldersClient(options),
    projects: new ProjectsClient(options),
    assets: new AssetServiceClient(options),
  };
  return {
    ...clients,
    async close() {
      await Promise.all(Object.values(clients).map(c => c.close()));
    },
  };
}
