import { status } from '@grpc/grpc-js';
import { GrpcError, StatusName } from './status';
import { WakeableSleeps } from '../shared/wakeableSleeps';

/** A served gRPC method, by its short (`Projects/ListProjects`) and full name. */
export type MethodId = {
  short: string;
  full: string;
};

/**
 * Makes matching calls fail (or stall), to test how a client copes with a misbehaving API.
 * Each rule counts the calls it matches on its own.
 */
export type FaultRule = {
  /**
   * `Service/Method`, e.g. `AssetService/SearchAllResources`, or the full name with package,
   * e.g. `google.cloud.asset.v1.AssetService/SearchAllResources`.
   */
  method: string;
  /** The status to fail with. Without one, the rule only delays the call (`hangMs`). */
  code?: StatusName;
  /** The first N matching calls pass; failures start with call N+1. Default 0. */
  afterCalls?: number;
  /** How many calls fail, after which the rule is spent. Default: no limit. */
  times?: number;
  /** Only calls whose decoded request satisfies this are matched (and counted). */
  when?: (request: any) => boolean;
  /** Delay before answering, e.g. to run past a client deadline. */
  hangMs?: number;
  /** Status details; default `Injected fault: <code>`. */
  message?: string;
};

/** A delay for every call, or a default plus per-method delays (same method names as rules). */
export type LatencySetting =
  | number
  | { defaultMs?: number; methods?: Record<string, number> };

type RuleState = { rule: FaultRule; matched: number };

/**
 * Everything that happens to a call before the API answers it: it is counted, delayed by the
 * configured latency, and possibly failed by a fault rule.
 */
export class CallControl {
  private counts: Record<string, number> = {};
  private rules: RuleState[] = [];
  private defaultLatencyMs = 0;
  private methodLatencyMs: Record<string, number> = {};
  /** Pending delays, to end them early on stop. */
  private readonly sleeps = new WakeableSleeps();

  constructor(private readonly methods: MethodId[]) {}

  /** Replaces all fault rules; their call counters start from zero. */
  setFaults(rules: FaultRule[]): void {
    for (const rule of rules) {
      this.checkMethod(rule.method);
      if (rule.code !== undefined && status[rule.code] === undefined) {
        throw new Error(`Unknown gRPC status "${rule.code}" in fault rule`);
      }
    }
    this.rules = rules.map(rule => ({ rule, matched: 0 }));
  }

  /** Replaces the latency configuration. */
  setLatency(latency: LatencySetting): void {
    if (typeof latency === 'number') {
      this.defaultLatencyMs = latency;
      this.methodLatencyMs = {};
      return;
    }
    Object.keys(latency.methods ?? {}).forEach(name => this.checkMethod(name));
    this.defaultLatencyMs = latency.defaultMs ?? 0;
    this.methodLatencyMs = { ...latency.methods };
  }

  /** Calls received per method since the start or the last reset, by short name. */
  requestCounts(): Record<string, number> {
    return { ...this.counts };
  }

  resetCounts(): void {
    this.counts = {};
  }

  /** Runs before each call is answered; throws the injected fault, if any. */
  async admit(method: MethodId, request: unknown): Promise<void> {
    this.counts[method.short] = (this.counts[method.short] ?? 0) + 1;
    // Rules are matched on arrival so that concurrent calls are counted in arrival order.
    const fault = this.firingRule(method, request);
    await this.sleep(
      this.methodLatencyMs[method.short] ??
        this.methodLatencyMs[method.full] ??
        this.defaultLatencyMs,
    );
    if (!fault) {
      return;
    }
    await this.sleep(fault.hangMs ?? 0);
    if (fault.code !== undefined) {
      throw new GrpcError(
        status[fault.code],
        fault.message ?? `Injected fault: ${fault.code}`,
      );
    }
  }

  /** Ends all pending delays, so that stopping the server does not wait for stalled calls. */
  wakeAll(): void {
    this.sleeps.wakeAll();
  }

  private firingRule(method: MethodId, request: unknown) {
    for (const state of this.rules) {
      const { rule } = state;
      if (
        (rule.method === method.short || rule.method === method.full) &&
        (!rule.when || rule.when(request))
      ) {
        state.matched += 1;
        const failureIndex = state.matched - 1 - (rule.afterCalls ?? 0);
        if (
          failureIndex >= 0 &&
          (rule.times === undefined || failureIndex < rule.times)
        ) {
          return rule;
        }
      }
    }
    return undefined;
  }

  /** A misspelt method would make a rule silently never fire. */
  private checkMethod(name: string) {
    if (!this.methods.some(m => m.short === name || m.full === name)) {
      throw new Error(
        `Unknown method "${name}"; the emulator serves ${this.methods
          .map(m => m.short)
          .join(', ')}`,
      );
    }
  }

  private sleep(ms: number): Promise<void> {
    return this.sleeps.sleep(ms);
  }
}
