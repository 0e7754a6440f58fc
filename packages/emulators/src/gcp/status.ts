import { status } from '@grpc/grpc-js';

/** gRPC status code names, e.g. `UNAVAILABLE`. */
export type StatusName = keyof typeof status;

/** An error the emulator answers with the given gRPC status, like the real API would. */
export class GrpcError extends Error {
  constructor(readonly code: status, message: string) {
    super(message);
    this.name = 'GrpcError';
  }
}

export const invalidArgument = (message: string) =>
  new GrpcError(status.INVALID_ARGUMENT, message);

export const notFound = (message: string) =>
  new GrpcError(status.NOT_FOUND, message);

export const permissionDenied = (message: string) =>
  new GrpcError(status.PERMISSION_DENIED, message);

export const unimplemented = (message: string) =>
  new GrpcError(status.UNIMPLEMENTED, message);

/** `value`, or NOT_FOUND naming what was asked for (`Get…` methods). */
export function found<T>(value: T | undefined, name: string): T {
  if (value === undefined) {
    throw notFound(`${name} not found`);
  }
  return value;
}
