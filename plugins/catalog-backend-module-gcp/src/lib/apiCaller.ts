import { LoggerService } from '@backstage/backend-plugin-api';
import { CallOptions } from 'google-gax';

/** gRPC status codes worth another try: the call may succeed later. */
const RETRYABLE_CODES = new Map<number, string>([
  [4, 'DEADLINE_EXCEEDED'],
  [8, 'RESOURCE_EXHAUSTED'],
  [10, 'ABORTED'],
  [14, 'UNAVAILABLE'],
]);

export type ApiCallerOptions = {
  /** Calls per minute, per quota bucket. */
  quotas: Record<string, number>;
  /** Per-call deadline. */
  timeoutMs: number;
  logger: LoggerService;
  /** Tries per call, including the first. */
  maxAttempts?: number;
  /** First backoff delay; doubles per try. Quota errors wait at least a quota window share. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * Keeps a per-minute quota as a token bucket: a small crawl runs at full speed, a large one
 * settles at the quota instead of provoking RESOURCE_EXHAUSTED.
 */
class TokenBucket {
  private tokens: number;
  private last = Date.now();

  constructor(private readonly perMinute: number) {
    this.tokens = perMinute;
  }

  /** Milliseconds to wait before the next call may go out. */
  take(): number {
    const now = Date.now();
    this.tokens = Math.min(
      this.perMinute,
      this.tokens + ((now - this.last) * this.perMinute) / 60_000,
    );
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : (-this.tokens * 60_000) / this.perMinute;
  }
}

function grpcCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Every call of a crawl goes through here: quota pacing, retries with exponential backoff on
 * transient gRPC errors, and the per-method request counts of the run summary. The clients'
 * own retries are switched off so that each request is counted and paced once.
 */
export class ApiCaller {
  readonly requests: Record<string, number> = {};
  readonly retries: Record<string, number> = {};
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ApiCallerOptions) {
    this.sleep =
      options.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms)));
  }

  /** Options to pass to a client method so that only this class retries and paginates. */
  get callOptions(): CallOptions {
    return {
      autoPaginate: false,
      retry: null,
      timeout: this.options.timeoutMs,
    };
  }

  async call<T>(
    method: string,
    quota: string,
    fn: (options: CallOptions) => Promise<T>,
  ): Promise<T> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    const baseDelayMs = this.options.baseDelayMs ?? 500;
    for (let attempt = 1; ; attempt++) {
      await this.pace(quota);
      this.requests[method] = (this.requests[method] ?? 0) + 1;
      try {
        return await fn(this.callOptions);
      } catch (error) {
        const code = grpcCode(error);
        const codeName =
          code === undefined ? undefined : RETRYABLE_CODES.get(code);
        if (!codeName || attempt >= maxAttempts) {
          throw error;
        }
        this.retries[method] = (this.retries[method] ?? 0) + 1;
        const delay =
          baseDelayMs * 2 ** (attempt - 1) * (1 + Math.random() / 2);
        this.options.logger.warn(
          `${method} failed with ${codeName} (try ${attempt} of ${maxAttempts}); retrying in ${Math.round(
            delay,
          )} ms`,
        );
        await this.sleep(delay);
      }
    }
  }

  private async pace(quota: string) {
    const perMinute = this.options.quotas[quota];
    if (!perMinute) {
      return;
    }
    let bucket = this.buckets.get(quota);
    if (!bucket) {
      bucket = new TokenBucket(perMinute);
      this.buckets.set(quota, bucket);
    }
    const wait = bucket.take();
    if (wait > 0) {
      await this.sleep(wait);
    }
  }

  /**
   * Fetches every page of a paginated method. Returns only when the last page has been read:
   * an error on any page propagates, so a caller never mistakes a partial list for a whole one.
   */
  async collectPages<Req extends object, Item>(
    method: string,
    quota: string,
    // The page function's types decide Req, not the literal passed as the first request.
    request: NoInfer<Req>,
    page: (
      request: Req,
      options: CallOptions,
    ) => Promise<[Item[], Req | null | undefined, unknown]>,
  ): Promise<Item[]> {
    const items: Item[] = [];
    let next: Req | null | undefined = request;
    while (next) {
      const current: Req = next;
      const [pageItems, nextRequest] = await this.call(method, quota, options =>
        page(current, options),
      );
      items.push(...pageItems);
      next = nextRequest;
    }
    return items;
  }
}
