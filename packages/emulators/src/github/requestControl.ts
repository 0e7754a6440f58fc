import { WakeableSleeps } from '../shared/wakeableSleeps';

/**
 * Makes matching requests fail, to test how a client copes with a misbehaving GitHub. Each
 * rule counts the requests it matches on its own. A rule does one thing: `status`,
 * `graphqlErrors` or `secondaryLimitSeconds`.
 */
export type GithubFaultRule = {
  /** `graphql` or a REST route name such as `repos.getContent` (see the README). */
  route: string;
  /** Answer with this HTTP status, e.g. 502, and GitHub's JSON error body. */
  status?: number;
  /**
   * Answer a GraphQL request 200 with `{ data: null, errors }`: one error per entry, a string
   * being `{ type: 'INTERNAL', message }`.
   */
  graphqlErrors?: Array<string | { type: string; message: string }>;
  /** Answer 403 as GitHub's secondary rate limit does, with `retry-after: N`. */
  secondaryLimitSeconds?: number;
  /** The first N matching requests pass; failures start with request N+1. Default 0. */
  afterCalls?: number;
  /** How many requests fail, after which the rule is spent. Default: no limit. */
  times?: number;
};

type RuleState = { rule: GithubFaultRule; matched: number };

/**
 * Everything that happens to a request before the API answers it: it is counted, delayed by
 * the configured latency, and possibly failed by a fault rule.
 */
export class RequestControl {
  private counts: Record<string, number> = {};
  private rules: RuleState[] = [];
  private latencyMs = 0;
  /** Pending delays, to end them early on stop. */
  private readonly sleeps = new WakeableSleeps();

  constructor(private readonly routes: readonly string[]) {}

  /** Replaces all fault rules; their request counters start from zero. */
  setFaults(rules: GithubFaultRule[]): void {
    for (const rule of rules) {
      if (!this.routes.includes(rule.route)) {
        // A misspelt route would make a rule silently never fire.
        throw new Error(
          `Unknown route "${
            rule.route
          }"; the emulator serves ${this.routes.join(', ')}`,
        );
      }
      const effects = [
        rule.status,
        rule.graphqlErrors,
        rule.secondaryLimitSeconds,
      ].filter(effect => effect !== undefined);
      if (effects.length !== 1) {
        throw new Error(
          `Fault rule for ${rule.route} needs exactly one of status, graphqlErrors, secondaryLimitSeconds`,
        );
      }
      if (rule.graphqlErrors && rule.route !== 'graphql') {
        throw new Error('graphqlErrors only applies to the graphql route');
      }
    }
    this.rules = rules.map(rule => ({ rule, matched: 0 }));
  }

  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Requests per route since the start or the last reset; `<route>:304` counts the 304s. */
  requestCounts(): Record<string, number> {
    return { ...this.counts };
  }

  resetCounts(): void {
    this.counts = {};
  }

  count(key: string): void {
    this.counts[key] = (this.counts[key] ?? 0) + 1;
  }

  /** Counts the request, waits the latency, and returns the fault to answer with, if any. */
  async admit(route: string): Promise<GithubFaultRule | undefined> {
    this.count(route);
    // Rules are matched on arrival so that concurrent requests count in arrival order.
    const fault = this.firingRule(route);
    await this.sleep(this.latencyMs);
    return fault;
  }

  /** Ends all pending delays, so that stopping the server does not wait for them. */
  wakeAll(): void {
    this.sleeps.wakeAll();
  }

  private firingRule(route: string): GithubFaultRule | undefined {
    for (const state of this.rules) {
      if (state.rule.route === route) {
        state.matched += 1;
        const failureIndex = state.matched - 1 - (state.rule.afterCalls ?? 0);
        if (
          failureIndex >= 0 &&
          (state.rule.times === undefined || failureIndex < state.rule.times)
        ) {
          return state.rule;
        }
      }
    }
    return undefined;
  }

  private sleep(ms: number): Promise<void> {
    return this.sleeps.sleep(ms);
  }
}
