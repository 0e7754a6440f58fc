/**
 * How the Infra Atlas GCP modules reach Google's APIs: their shared `connection` and
 * `credentials` settings, and the auth their official clients use (gRPC and REST alike).
 *
 * @packageDocumentation
 */
export * from './settings';
export * from './auth';
