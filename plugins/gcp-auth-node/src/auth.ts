import { GoogleAuth, googleAuthLibrary, grpc } from 'google-gax';
import { ConnectionOptions, CredentialOptions } from './settings';

const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/**
 * The auth for every official client of a module: none for the emulator, else a key (file or
 * JSON) or Application Default Credentials, optionally impersonating a service account. The
 * REST clients (BigQuery) take it as their `authClient`, so they authenticate as the gRPC ones
 * do (Workload Identity, keys and the emulators alike).
 *
 * @public
 */
export async function createGcpAuth(
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
      ? parseKey(credentials.keyJson)
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

/** A key given as JSON. A parse error would quote the key, so the message says only what is wrong. */
function parseKey(keyJson: string) {
  try {
    return JSON.parse(keyJson);
  } catch {
    throw new Error(
      'credentials.keyJson is not valid JSON (a service-account key)',
    );
  }
}

/**
 * The options every official gRPC (google-gax) client of a module is built with: the auth
 * (`createGcpAuth`), and the connection overrides when set.
 *
 * @public
 */
export function gaxClientOptions(
  connection: ConnectionOptions,
  auth: GoogleAuth,
) {
  return {
    auth,
    ...(connection.endpoint ? { apiEndpoint: connection.endpoint } : {}),
    ...(connection.port ? { port: connection.port } : {}),
    ...(connection.insecure
      ? { sslCreds: grpc.credentials.createInsecure() }
      : {}),
  };
}
