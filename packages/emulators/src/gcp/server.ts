import {
  handleUnaryCall,
  Server,
  ServerCredentials,
  status,
  StatusObject,
} from '@grpc/grpc-js';
import { assetServiceHandlers } from './assetService';
import { cloudBillingHandlers } from '../billing/cloudBilling';
import { GcpEstate } from './estate';
import { EstateIndex } from './estateIndex';
import { CallControl, FaultRule, LatencySetting, MethodId } from './faults';
import {
  SERVED_SERVICES,
  servedServiceDefinitions,
  ServiceName,
  UnaryHandlers,
} from './protos';
import { resourceManagerHandlers } from './resourceManager';
import { GrpcError } from './status';

export type GcpEmulatorOptions = {
  /** What to serve; read, never changed. */
  estate: GcpEstate;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Delay before every answer; default none. */
  latencyMs?: LatencySetting;
  faults?: FaultRule[];
};

export type GcpEmulator = {
  port: number;
  /** `host:port`, for a client's `apiEndpoint` and `port` or a gRPC target. */
  endpoint: string;
  /** Calls received per method (`Projects/ListProjects`, …), failed ones included. */
  requestCounts(): Record<string, number>;
  resetCounts(): void;
  /** Replaces the fault rules, with fresh counters. */
  setFaults(rules: FaultRule[]): void;
  /** Replaces the latency configuration. */
  setLatency(latency: LatencySetting): void;
  stop(): Promise<void>;
};

/**
 * Starts a gRPC server that answers Resource Manager v3 (Organizations, Folders, Projects),
 * Cloud Asset Inventory v1 search and Cloud Billing v1 (accounts and their projects) from
 * `estate`, for the official clients connecting
 * without TLS or credentials. Methods the emulator does not serve answer UNIMPLEMENTED.
 */
export async function startGcpEmulator(
  options: GcpEmulatorOptions,
): Promise<GcpEmulator> {
  const index = new EstateIndex(options.estate);
  const implementations: Record<ServiceName, UnaryHandlers> = {
    ...resourceManagerHandlers(index),
    AssetService: assetServiceHandlers(index),
    CloudBilling: cloudBillingHandlers(options.estate),
  };
  const services = Object.keys(implementations) as ServiceName[];
  const methods = services.flatMap(service =>
    Object.keys(implementations[service]).map(method =>
      methodId(service, method),
    ),
  );
  const control = new CallControl(methods);
  control.setFaults(options.faults ?? []);
  control.setLatency(options.latencyMs ?? 0);

  const definitions = servedServiceDefinitions();
  const server = new Server();
  for (const service of services) {
    const handlers = implementations[service];
    server.addService(
      definitions[service],
      Object.fromEntries(
        Object.entries(handlers).map(([method, handler]) => [
          method,
          unary(methodId(service, method), handler, control),
        ]),
      ),
    );
  }

  const host = options.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      `${host}:${options.port ?? 0}`,
      ServerCredentials.createInsecure(),
      (error, boundPort) => (error ? reject(error) : resolve(boundPort)),
    ),
  );

  return {
    port,
    endpoint: `${host}:${port}`,
    requestCounts: () => control.requestCounts(),
    resetCounts: () => control.resetCounts(),
    setFaults: rules => control.setFaults(rules),
    setLatency: latency => control.setLatency(latency),
    async stop() {
      // Release delayed calls first; otherwise their timers would outlive the server.
      control.wakeAll();
      server.forceShutdown();
    },
  };
}

function methodId(service: ServiceName, method: string): MethodId {
  return {
    short: `${service}/${method}`,
    full: `${SERVED_SERVICES[service]}/${method}`,
  };
}

function unary(
  method: MethodId,
  handler: UnaryHandlers[string],
  control: CallControl,
): handleUnaryCall<unknown, object> {
  return (call, callback) => {
    control
      .admit(method, call.request)
      .then(() => handler(call.request))
      .then(
        response => callback(null, response),
        error => callback(toStatus(error)),
      );
  };
}

function toStatus(error: unknown): Partial<StatusObject> {
  if (error instanceof GrpcError) {
    return { code: error.code, details: error.message };
  }
  return {
    code: status.INTERNAL,
    details: error instanceof Error ? error.message : String(error),
  };
}
