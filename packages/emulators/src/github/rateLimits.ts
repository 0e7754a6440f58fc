/** The budgets the emulator enforces; GitHub has more (search, …) for APIs it does not serve. */
export type RateLimitResource = 'core' | 'graphql';

export type RateLimitSettings = {
  /** REST requests per window; default 5,000 (an authenticated user on github.com). */
  core?: number;
  /** GraphQL points per window; default 5,000. */
  graphql?: number;
  /** Window length; default 3,600. Fractions are allowed, to test a reset quickly. */
  resetSeconds?: number;
};

export type RateLimitStatus = {
  limit: number;
  used: number;
  remaining: number;
  /** When the window ends, in epoch seconds as in `x-ratelimit-reset`. */
  reset: number;
};

type Window = { used: number; endsAt: number };

/**
 * GitHub's primary rate limits: a budget per resource that refills when its window ends.
 * A window starts with the first request after the previous one ended, as on GitHub.
 */
export class RateLimits {
  private limits: Record<RateLimitResource, number> = {
    core: 5000,
    graphql: 5000,
  };
  private windowMs = 3600 * 1000;
  private windows: Partial<Record<RateLimitResource, Window>> = {};

  constructor(settings: RateLimitSettings = {}) {
    this.configure(settings);
  }

  /** Changes the given settings, keeps the others, and starts fresh windows. */
  configure(settings: RateLimitSettings): void {
    this.limits = {
      core: settings.core ?? this.limits.core,
      graphql: settings.graphql ?? this.limits.graphql,
    };
    if (settings.resetSeconds !== undefined) {
      this.windowMs = settings.resetSeconds * 1000;
    }
    this.windows = {};
  }

  status(resource: RateLimitResource): RateLimitStatus {
    const window = this.window(resource);
    const limit = this.limits[resource];
    return {
      limit,
      used: window.used,
      remaining: Math.max(0, limit - window.used),
      reset: Math.ceil(window.endsAt / 1000),
    };
  }

  /** Spends `cost` if the budget allows it; false (and nothing spent) otherwise. */
  trySpend(resource: RateLimitResource, cost: number): boolean {
    if (this.status(resource).remaining < cost) return false;
    this.window(resource).used += cost;
    return true;
  }

  headers(resource: RateLimitResource): Record<string, string> {
    const { limit, used, remaining, reset } = this.status(resource);
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(remaining),
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': resource,
    };
  }

  private window(resource: RateLimitResource): Window {
    const now = Date.now();
    let window = this.windows[resource];
    if (!window || now >= window.endsAt) {
      window = { used: 0, endsAt: now + this.windowMs };
      this.windows[resource] = window;
    }
    return window;
  }
}
