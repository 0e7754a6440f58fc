/*
 * A load run against a running backend: mixed inventory questions at a fixed arrival rate
 * (an open model: a request leaves every 1/rate seconds whether or not earlier ones have been
 * answered, so a slow server meets the same demand and its queueing shows in the latencies,
 * which are measured from when each request was due).
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/loadRun.ts \
 *     --url http://localhost:7007 --token infra-atlas-demo-token [--rate 200] [--seconds 60]
 *
 * The questions are picked (seeded) from the backend's own catalog: placement, administrators,
 * impact (depth 3) and the dependency graph of Resources and Components, ownership of users
 * and groups, completeness by owner, drift, explorer rows and status. Prints one row per route
 * and one for the whole mix: requests, errors, p50/p95/p99/max and mean answer size.
 */
import { Random, prng } from '@infra-atlas/emulators/src/shared/random';
import { printMarkdownTable } from '@infra-atlas/test-utils';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

/** One kind of question: its route, its share of the mix, and how to pick one. */
type Route = {
  name: string;
  weight: number;
  path: (random: Random) => string;
};

/** Entity refs to ask about, read from the catalog of the backend under load. */
export type LoadSubjects = {
  things: string[];
  people: string[];
  owners: string[];
};

export type RouteResult = {
  route: string;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  meanKb: number;
};

const enc = encodeURIComponent;

/** The mix: answers people ask most (an entity's placement and owners) weigh most. */
export function mixedRoutes(subjects: LoadSubjects): Route[] {
  const thing = (r: Random) => enc(r.pick(subjects.things));
  return [
    {
      name: 'placement',
      weight: 25,
      path: r => `placement?entity=${thing(r)}`,
    },
    {
      name: 'administrators',
      weight: 20,
      path: r => `administrators?entity=${thing(r)}`,
    },
    {
      name: 'ownership',
      weight: 15,
      path: r => `ownership?q=${enc(r.pick(subjects.people))}&limit=1`,
    },
    {
      name: 'impact',
      weight: 15,
      path: r => `impact?entity=${thing(r)}&depth=3&direction=dependents`,
    },
    { name: 'graph', weight: 10, path: r => `graph?entity=${thing(r)}` },
    {
      name: 'completeness',
      weight: 5,
      path: r => `completeness?scope=owner&key=${enc(r.pick(subjects.owners))}`,
    },
    { name: 'drift', weight: 4, path: () => 'drift' },
    { name: 'explorer', weight: 1, path: () => 'explorer' },
    { name: 'status', weight: 5, path: () => 'status' },
  ];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function summarize(
  route: string,
  samples: Array<{ ms: number; status: number | string; bytes: number }>,
): RouteResult {
  const latencies = samples.map(s => s.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  const bytes = samples.reduce((sum, s) => sum + s.bytes, 0);
  return {
    route,
    requests: samples.length,
    errors: samples.length - (statuses['200'] ?? 0),
    statuses,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    meanKb: bytes / samples.length / 1024,
  };
}

/**
 * Sends `rate` requests a second for `seconds`, each a question of the mix picked at random
 * by weight; waits for the last answers (a request that fails to connect counts as status 0).
 */
export async function runFixedRate(options: {
  baseUrl: string;
  authorization: string;
  routes: Route[];
  rate: number;
  seconds: number;
  seed?: number;
}): Promise<RouteResult[]> {
  const random = prng(options.seed ?? 1);
  const total = options.routes.reduce((sum, r) => sum + r.weight, 0);
  const pickRoute = () => {
    let n = random.int(total);
    for (const route of options.routes) {
      n -= route.weight;
      if (n < 0) return route;
    }
    return options.routes[0];
  };
  const samples = new Map<
    string,
    Array<{ ms: number; status: number | string; bytes: number }>
  >();
  const ask = async (route: Route, due: number) => {
    let status: number | string = 0;
    let bytes = 0;
    try {
      const res = await fetch(`${options.baseUrl}/${route.path(random)}`, {
        headers: { authorization: options.authorization },
      });
      status = res.status;
      bytes = (await res.arrayBuffer()).byteLength;
    } catch (error) {
      // Refused, reset or timed out: an error, with the time it took to know, and why.
      const cause = (error as { cause?: { code?: string } }).cause;
      status = cause?.code ?? (error as Error).name;
    }
    const list = samples.get(route.name) ?? [];
    list.push({ ms: performance.now() - due, status, bytes });
    samples.set(route.name, list);
  };
  const count = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const start = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise(r => setTimeout(r, wait));
    inFlight.push(ask(pickRoute(), due));
  }
  await Promise.all(inFlight);
  const all = [...samples.values()].flat();
  return [
    ...options.routes
      .filter(r => samples.has(r.name))
      .map(r => summarize(r.name, samples.get(r.name)!)),
    summarize('all (mixed)', all),
  ];
}

export function printRouteResults(results: RouteResult[]) {
  printMarkdownTable(
    [
      'route',
      'requests',
      'errors',
      'p50 (ms)',
      'p95 (ms)',
      'p99 (ms)',
      'max (ms)',
      'mean answer (KB)',
    ],
    results.map(r => [
      r.route,
      String(r.requests),
      r.errors ? `${r.errors} ${JSON.stringify(r.statuses)}` : '0',
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      r.p99.toFixed(1),
      r.max.toFixed(1),
      r.meanKb.toFixed(1),
    ]),
  );
}

/** Resources, Components, users, groups and owners from the backend's catalog. */
async function subjectsOf(url: string, authorization: string) {
  const refs: Record<string, string[]> = {};
  let cursor: string | undefined;
  do {
    const query = new URL(`${url}/api/catalog/entities/by-query`);
    query.searchParams.set('limit', '1000');
    for (const field of ['kind', 'metadata.name', 'metadata.namespace']) {
      query.searchParams.append('fields', field);
    }
    if (cursor) query.searchParams.set('cursor', cursor);
    const res = await fetch(query, { headers: { authorization } });
    if (!res.ok) throw new Error(`catalog: HTTP ${res.status}`);
    const page = (await res.json()) as {
      items: Array<{
        kind: string;
        metadata: { name: string; namespace?: string };
      }>;
      pageInfo: { nextCursor?: string };
    };
    for (const e of page.items) {
      const kind = e.kind.toLowerCase();
      (refs[kind] ??= []).push(
        `${kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`,
      );
    }
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return {
    things: [...(refs.resource ?? []), ...(refs.component ?? [])],
    // Not people named by e-mail address: a caller without the personal-details permission
    // (a static token, under the production policy) is refused those, by design.
    people: [
      ...(refs.user ?? []).filter(ref => !ref.includes('--')),
      ...(refs.group ?? []),
    ],
    owners: refs.group ?? [],
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://localhost:7007' },
      token: { type: 'string', default: process.env.ATLAS_API_TOKEN },
      rate: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '60' },
    },
  });
  const authorization = `Bearer ${values.token}`;
  const subjects = await subjectsOf(values.url!, authorization);
  console.log(
    `${values.url}: ${subjects.things.length} resources and components, ${subjects.people.length} users and groups; ${values.rate} requests/s for ${values.seconds} s`,
  );
  const results = await runFixedRate({
    baseUrl: `${values.url}/api/inventory`,
    authorization,
    routes: mixedRoutes(subjects),
    rate: Number(values.rate),
    seconds: Number(values.seconds),
  });
  printRouteResults(results);
}

if (require.main === module) {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
