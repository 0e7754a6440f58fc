import { Config } from '@backstage/config';

/**
 * Where the official gRPC clients connect: Google's endpoints unless overridden, e.g. for the
 * emulators.
 *
 * @public
 */
export type ConnectionOptions = {
  endpoint?: string;
  port?: number;
  /** Plain-text gRPC without credentials: for the local emulators only. */
  insecure: boolean;
  timeoutMs: number;
};

/**
 * Which identity calls Google: a key (file or JSON), else Application Default Credentials,
 * optionally impersonating a service account.
 *
 * @public
 */
export type CredentialOptions = {
  keyFile?: string;
  keyJson?: string;
  impersonateServiceAccount?: string;
};

/**
 * A module's `connection` block (`endpoint`, `port`, `insecure`, `timeoutMs`).
 *
 * @public
 */
export function readConnectionOptions(config: Config): ConnectionOptions {
  return {
    endpoint: config.getOptionalString('connection.endpoint'),
    port: config.getOptionalNumber('connection.port'),
    insecure: config.getOptionalBoolean('connection.insecure') ?? false,
    timeoutMs: config.getOptionalNumber('connection.timeoutMs') ?? 60_000,
  };
}

/**
 * A module's `credentials` block (`keyFile`, `keyJson`, `impersonateServiceAccount`).
 *
 * @public
 */
export function readCredentialOptions(config: Config): CredentialOptions {
  return {
    keyFile: config.getOptionalString('credentials.keyFile'),
    keyJson: config.getOptionalString('credentials.keyJson'),
    impersonateServiceAccount: config.getOptionalString(
      'credentials.impersonateServiceAccount',
    ),
  };
}
