import { AssetServiceClient } from '@google-cloud/asset';
import {
  FoldersClient,
  OrganizationsClient,
  ProjectsClient,
} from '@google-cloud/resource-manager';
import {
  ConnectionOptions,
  CredentialOptions,
  createGcpAuth,
  gaxClientOptions,
} from '@infra-atlas/gcp-auth-node';

/** The official clients a crawl uses, created once per provider. */
export type GcpClients = {
  organizations: OrganizationsClient;
  folders: FoldersClient;
  projects: ProjectsClient;
  assets: AssetServiceClient;
  close(): Promise<void>;
};

export async function createGcpClients(
  connection: ConnectionOptions,
  credentials: CredentialOptions,
): Promise<GcpClients> {
  const options = gaxClientOptions(
    connection,
    await createGcpAuth(connection, credentials),
  );
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
