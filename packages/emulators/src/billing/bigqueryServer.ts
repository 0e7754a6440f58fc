import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { status as grpcStatus } from '@grpc/grpc-js';
import { BigQueryError, invalidRequest, notFound } from './bigqueryErrors';
import { runStatement, QueryParameter, QueryResult } from './execute';
import { BillingExportTable } from './exportTable';
import { parseStatement } from './statements';
import {
  CallControl,
  FaultRule,
  LatencySetting,
  MethodId,
} from '../gcp/faults';
import { GrpcError } from '../gcp/status';

export type BigQueryEmulatorOptions = {
  /** The billing export tables it serves; read, never changed. */
  tables: BillingExportTable[];
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /**
   * Rows per result page when the request sets no smaller `maxResults`; stands for BigQuery's
   * 10 MB cap on a response. Default 10,000.
   */
  pageRows?: number;
  latencyMs?: LatencySetting;
  /**
   * Same rules as the GCP emulator's, on `Jobs/Query`, `Jobs/Insert`, `Jobs/Get` and
   * `Jobs/GetQueryResults`; the gRPC status picks BigQuery's answer: PERMISSION_DENIED 403
   * accessDenied, NOT_FOUND 404 notFound, RESOURCE_EXHAUSTED 403 rateLimitExceeded,
   * UNAVAILABLE 503 backendError, INVALID_ARGUMENT 400 invalid, anything else 500
   * internalError.
   */
  faults?: FaultRule[];
};

export type BigQueryEmulator = {
  port: number;
  /** `http://host:port`, a client's `apiEndpoint`. */
  url: string;
  /** Calls per method (`Jobs/Query`, …), failed ones included. */
  requestCounts(): Record<string, number>;
  resetCounts(): void;
  setFaults(rules: FaultRule[]): void;
  setLatency(latency: LatencySetting): void;
  /** While unreachable, every connection is reset as soon as it opens. */
  setReachable(reachable: boolean): void;
  /** Bytes processed by every statement run since the start or the last reset. */
  totalBytesProcessed(): number;
  stop(): Promise<void>;
};

const METHODS = ['Query', 'Insert', 'Get', 'GetQueryResults'] as const;
type Method = (typeof METHODS)[number];
const methodId = (method: Method): MethodId => ({
  short: `Jobs/${method}`,
  full: `bigquery.jobs.${method[0].toLowerCase()}${method.slice(1)}`,
});

/** The REST routes served, as `METHOD collection[/{jobId}]` under `/bigquery/v2/projects/{projectId}/`. */
const ROUTES: Record<string, Method | undefined> = {
  'POST queries': 'Query',
  'GET queries/{jobId}': 'GetQueryResults',
  'POST jobs': 'Insert',
  'GET jobs/{jobId}': 'Get',
};

/** BigQuery keeps query results for a day; the emulator keeps the latest jobs. */
const KEPT_JOBS = 500;

type Job = {
  projectId: string;
  jobId: string;
  location: string;
  query: string;
  result: QueryResult;
  created: number;
  labels?: Record<string, string>;
};

/**
 * Starts the subset of BigQuery's REST API (v2) that the official client uses to run a
 * parameterised query: jobs.query (`bigquery.query()`), jobs.insert (`createQueryJob()`,
 * dry runs included), jobs.get and jobs.getQueryResults with `maxResults`/`pageToken`. It
 * runs only the billing export's spend and coverage statements (statements.ts) on the given
 * tables, completes every job at once, and counts bytes as BigQuery does (bytesProcessed.ts).
 * Errors come in BigQuery's JSON error format.
 */
export async function startBigQueryEmulator(
  options: BigQueryEmulatorOptions,
): Promise<BigQueryEmulator> {
  const tables = new Map(options.tables.map(table => [table.tableId, table]));
  const pageRows = options.pageRows ?? 10_000;
  const control = new CallControl(METHODS.map(methodId));
  control.setFaults(options.faults ?? []);
  control.setLatency(options.latencyMs ?? 0);
  const jobs = new Map<string, Job>();
  let bytesProcessed = 0;
  let reachable = true;

  const jobKey = (projectId: string, location: string, jobId: string) =>
    `${projectId}:${location.toUpperCase()}.${jobId}`;

  const run = (query: unknown, parameters: unknown, location: string) => {
    if (typeof query !== 'string' || !query.trim()) {
      throw invalidRequest('Query text is empty');
    }
    const statement = parseStatement(query, id => tables.has(id), location);
    const table = tables.get(statement.tableId)!;
    if (table.location.toUpperCase() !== location.toUpperCase()) {
      throw notFound(
        `Dataset ${statement.tableId
          .split('.')
          .slice(0, 2)
          .join(':')} was not found in location ${location}`,
      );
    }
    const result = runStatement(
      statement,
      table,
      Array.isArray(parameters) ? (parameters as QueryParameter[]) : [],
    );
    bytesProcessed += result.totalBytesProcessed;
    return result;
  };

  const keep = (job: Job) => {
    jobs.set(jobKey(job.projectId, job.location, job.jobId), job);
    if (jobs.size > KEPT_JOBS) jobs.delete(jobs.keys().next().value!);
  };

  const findJob = (
    projectId: string,
    jobId: string,
    location: string | null,
  ) => {
    const job = jobs.get(jobKey(projectId, location ?? 'US', jobId));
    if (!job) {
      throw notFound(
        `Job ${projectId}:${(location ?? 'US').toUpperCase()}.${jobId}`,
      );
    }
    return job;
  };

  const resultsPage = (
    job: Job,
    maxResults: unknown,
    pageToken: string | undefined,
  ) => {
    const requested = Number(maxResults ?? 0);
    const size = requested > 0 ? Math.min(requested, pageRows) : pageRows;
    const offset =
      pageToken === undefined ? 0 : decodePageToken(pageToken, job);
    const end = Math.min(offset + size, job.result.rows.length);
    return {
      jobReference: {
        projectId: job.projectId,
        jobId: job.jobId,
        location: job.location,
      },
      schema: { fields: job.result.schema },
      totalRows: String(job.result.rows.length),
      rows: job.result.rows
        .slice(offset, end)
        .map(row => ({ f: row.map(v => ({ v })) })),
      ...(end < job.result.rows.length && {
        pageToken: encodePageToken(end, job),
      }),
      totalBytesProcessed: String(job.result.totalBytesProcessed),
      jobComplete: true,
      cacheHit: false,
    };
  };

  const handlers: Record<
    Method,
    (params: {
      projectId: string;
      jobId?: string;
      body: any;
      search: URLSearchParams;
    }) => object
  > = {
    Query({ projectId, body }) {
      const location = body.location ?? 'US';
      const result = run(body.query, body.queryParameters, location);
      const job: Job = {
        projectId,
        jobId: `job_${randomUUID().replace(/-/g, '')}`,
        location,
        query: body.query,
        result,
        created: Date.now(),
        labels: body.labels,
      };
      keep(job);
      return {
        kind: 'bigquery#queryResponse',
        ...resultsPage(job, body.maxResults, undefined),
      };
    },
    Insert({ projectId, body }) {
      const reference = body.jobReference ?? {};
      const location = reference.location ?? 'US';
      const query = body.configuration?.query;
      if (!query) {
        throw invalidRequest(
          'The emulator runs query jobs only: configuration.query is required',
        );
      }
      const result = run(query.query, query.queryParameters, location);
      if (body.configuration.dryRun) {
        return jobResource(
          {
            projectId,
            jobId: '',
            location,
            query: query.query,
            result,
            created: Date.now(),
          },
          true,
        );
      }
      const jobId = reference.jobId ?? randomUUID();
      if (jobs.has(jobKey(projectId, location, jobId))) {
        throw new BigQueryError(
          409,
          'duplicate',
          `Already Exists: Job ${projectId}:${location}.${jobId}`,
          'ALREADY_EXISTS',
        );
      }
      const job: Job = {
        projectId,
        jobId,
        location,
        query: query.query,
        result,
        created: Date.now(),
      };
      keep(job);
      return jobResource(job, false);
    },
    Get({ projectId, jobId, search }) {
      return jobResource(
        findJob(projectId, jobId!, search.get('location')),
        false,
      );
    },
    GetQueryResults({ projectId, jobId, search }) {
      const job = findJob(projectId, jobId!, search.get('location'));
      return {
        kind: 'bigquery#getQueryResultsResponse',
        ...resultsPage(
          job,
          search.get('maxResults'),
          search.get('pageToken') ?? undefined,
        ),
      };
    },
  };

  const route = (method: string | undefined, path: string) => {
    const match =
      /^\/bigquery\/v2\/projects\/([^/]+)\/(queries|jobs)(?:\/([^/]+))?$/.exec(
        path,
      );
    if (!match) return undefined;
    const [, projectId, collection, jobId] = match.map(
      part => part && decodeURIComponent(part),
    );
    const name = ROUTES[`${method} ${collection}${jobId ? '/{jobId}' : ''}`];
    return name && { name, projectId, jobId };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const target = route(req.method, url.pathname);
    if (!target) {
      throw notFound(
        `URL ${req.method} ${url.pathname} (the emulator serves jobs.query, jobs.insert, jobs.get and jobs.getQueryResults)`,
      );
    }
    const body = req.method === 'POST' ? await readJson(req) : {};
    await control.admit(methodId(target.name), {
      ...target,
      body,
      search: url.searchParams,
    });
    send(
      res,
      200,
      handlers[target.name]({ ...target, body, search: url.searchParams }),
    );
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(error => send(res, toBigQueryError(error)));
  });
  const sockets = new Set<Socket>();
  server.on('connection', socket => {
    if (!reachable) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://${host}:${port}`,
    requestCounts: () => control.requestCounts(),
    resetCounts: () => {
      control.resetCounts();
      bytesProcessed = 0;
    },
    setFaults: rules => control.setFaults(rules),
    setLatency: latency => control.setLatency(latency),
    setReachable(value) {
      reachable = value;
      if (!value) sockets.forEach(socket => socket.destroy());
    },
    totalBytesProcessed: () => bytesProcessed,
    async stop() {
      control.wakeAll();
      sockets.forEach(socket => socket.destroy());
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
  };
}

/** The Job resource jobs.insert and jobs.get return for a finished query. */
function jobResource(job: Job, dryRun: boolean) {
  const bytes = String(job.result.totalBytesProcessed);
  const time = String(job.created);
  return {
    kind: 'bigquery#job',
    ...(!dryRun && { id: `${job.projectId}:${job.location}.${job.jobId}` }),
    jobReference: {
      projectId: job.projectId,
      ...(!dryRun && { jobId: job.jobId }),
      location: job.location,
    },
    configuration: {
      jobType: 'QUERY',
      dryRun,
      query: { query: job.query, useLegacySql: false },
    },
    status: { state: 'DONE' },
    statistics: {
      creationTime: time,
      ...(!dryRun && { startTime: time, endTime: time }),
      totalBytesProcessed: bytes,
      query: {
        totalBytesProcessed: bytes,
        ...(!dryRun && {
          totalBytesBilled: String(billedBytes(job.result.totalBytesProcessed)),
        }),
        cacheHit: false,
        statementType: 'SELECT',
      },
    },
  };
}

/** On-demand billing rounds up to the MB, with 10 MB at least per query that reads a table. */
function billedBytes(processed: number): number {
  const MB = 1024 * 1024;
  return Math.max(10 * MB, Math.ceil(processed / MB) * MB);
}

function encodePageToken(offset: number, job: Job): string {
  return Buffer.from(JSON.stringify({ job: job.jobId, offset })).toString(
    'base64url',
  );
}

function decodePageToken(token: string, job: Job): number {
  try {
    const body = JSON.parse(Buffer.from(token, 'base64url').toString());
    if (
      body.job === job.jobId &&
      Number.isInteger(body.offset) &&
      body.offset > 0 &&
      body.offset < job.result.rows.length
    ) {
      return body.offset;
    }
  } catch {
    // Refused below, like any token this job did not issue.
  }
  throw invalidRequest(`Invalid page token: ${token}`);
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw invalidRequest('Invalid JSON payload received.');
  }
}

const FAULTS: Partial<Record<number, [number, string]>> = {
  [grpcStatus.PERMISSION_DENIED]: [403, 'accessDenied'],
  [grpcStatus.NOT_FOUND]: [404, 'notFound'],
  [grpcStatus.RESOURCE_EXHAUSTED]: [403, 'rateLimitExceeded'],
  [grpcStatus.UNAVAILABLE]: [503, 'backendError'],
  [grpcStatus.INVALID_ARGUMENT]: [400, 'invalid'],
};

function toBigQueryError(error: unknown): BigQueryError {
  if (error instanceof BigQueryError) return error;
  if (error instanceof GrpcError) {
    const [http, reason] = FAULTS[error.code] ?? [500, 'internalError'];
    return new BigQueryError(
      http,
      reason,
      error.message,
      grpcStatus[error.code],
    );
  }
  return new BigQueryError(
    500,
    'internalError',
    error instanceof Error ? error.message : String(error),
    'INTERNAL',
  );
}

function send(
  res: ServerResponse,
  statusOrError: number | BigQueryError,
  body?: object,
) {
  const [code, payload] =
    statusOrError instanceof BigQueryError
      ? [statusOrError.httpStatus, statusOrError.body()]
      : [statusOrError, body];
  const bytes = Buffer.from(JSON.stringify(payload));
  res.writeHead(code, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(bytes.length),
  });
  res.end(bytes);
}
