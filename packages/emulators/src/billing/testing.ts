/**
 * The BigQuery client's HTTP layer (teeny-request 11) loads node-fetch with a dynamic
 * `import()`, which Jest's CommonJS runtime refuses without --experimental-vm-modules. Its
 * own node:http transport, the one it uses under Bun, needs no import: tests that run the
 * official BigQuery client under Jest call this first. It sets a flag on the calling test
 * file's global only; everything above the transport is the official client, and outside
 * Jest nothing needs it.
 */
export function useNodeHttpTransportForBigQuery(): void {
  (globalThis as { Bun?: object }).Bun ??= {};
}
