import { BigQuery } from '@google-cloud/bigquery';
import {
  BillingEmulators,
  coverageStatement,
  queryWithStatistics,
  spendStatement,
  startBillingEmulators,
} from './__testUtils__/billingEmulators';
import { BillingExportTable, dayNumber } from './exportTable';
import { GcpEstate } from '../gcp/estate';
import { smallEstate } from '../gcp/__testUtils__/estates';

jest.setTimeout(30_000);

const TABLE = 'billing-admin.export.gcp_billing_export_v1_0A0A0A_000001_000001';
const day = (date: string) => dayNumber(date);

/**
 * A hand-made export whose bytes can be counted by hand. Per raw row of the spend statement:
 * invoice.month '202404' 2+6 = 8, project.id 'p-00' 2+4 = 6, service.description 'Cloud
 * Storage' 2+13 = 15, cost 8, one credits.amount 8: 45 bytes (coverage: invoice.month, 8).
 */
const table: BillingExportTable = {
  tableId: TABLE,
  location: 'US',
  slices: [
    // April, 30 partitions of 24 raw rows, and its late rows on 1–3 May.
    slice(
      '202404',
      'p-00',
      'Cloud Storage',
      '2024-04-01',
      '2024-04-30',
      300,
      -150,
      1,
    ),
    slice(
      '202404',
      'p-00',
      'Cloud Storage',
      '2024-05-01',
      '2024-05-03',
      30,
      -15,
      1,
    ),
    slice(
      '202404',
      'p-01',
      'Compute Engine',
      '2024-04-01',
      '2024-04-30',
      600,
      0,
      0,
    ),
    slice(
      '202405',
      'p-00',
      'Cloud Storage',
      '2024-05-01',
      '2024-05-31',
      310,
      -155,
      1,
    ),
    slice('202405', null, 'Support', '2024-05-01', '2024-05-31', 31, 0, 0),
  ],
};

function slice(
  invoiceMonth: string,
  projectId: string | null,
  service: string,
  first: string,
  last: string,
  cost: number,
  credits: number,
  creditsPerRow: number,
) {
  return {
    invoiceMonth,
    projectId,
    service,
    firstDay: day(first),
    lastDay: day(last),
    cost,
    credits,
    rowsPerDay: 24,
    creditsPerRow,
  };
}

const params = (start: string, end: string, months?: string[]) => ({
  partitionStart: BigQuery.date(start),
  partitionEnd: BigQuery.date(end),
  ...(months && { months }),
});

describe('the BigQuery emulator, with the official client', () => {
  let emulators: BillingEmulators;
  let bigquery: BigQuery;
  const estate: GcpEstate = smallEstate();

  beforeAll(async () => {
    emulators = await startBillingEmulators(estate, table, { pageRows: 2 });
    bigquery = emulators.bigqueryClient();
  });
  afterAll(() => emulators.stop());
  beforeEach(() => {
    emulators.bigquery.setFaults([]);
    emulators.bigquery.resetCounts();
  });

  it('sums cost and credits by month, project and service, late rows included', async () => {
    const { rows, totalBytesProcessed, cacheHit } = await queryWithStatistics(
      bigquery,
      {
        query: spendStatement(TABLE),
        params: params('2024-04-01', '2024-05-10', ['202404']),
      },
    );
    expect(rows).toEqual([
      {
        invoice_month: '202404',
        project_id: 'p-00',
        service_description: 'Cloud Storage',
        cost: 330,
        credits: -165,
      },
      {
        invoice_month: '202404',
        project_id: 'p-01',
        service_description: 'Compute Engine',
        cost: 600,
        credits: 0,
      },
    ]);
    // Every partition from 1 April to 10 May is read, May's rows included: the months filter
    // is no partition filter. April: 30 days × 24 rows × (45 + 45 − 8 for p-01's credits).
    const april = 30 * 24 * 45 + 30 * 24 * (8 + 6 + 16 + 8);
    const mayLate = 3 * 24 * 45;
    const mayFirstTen = 10 * 24 * 45 + 10 * 24 * (8 + 0 + 9 + 8);
    expect(totalBytesProcessed).toBe(april + mayLate + mayFirstTen);
    expect(cacheHit).toBe(false);
  });

  it('reads the part of a run of partitions that the filter covers', async () => {
    const [rows] = await bigquery.query({
      query: spendStatement(TABLE),
      params: params('2024-04-01', '2024-04-15', ['202404']),
    });
    expect(rows.map(r => r.cost)).toEqual([150, 300]);
  });

  it('keeps charges without a project as a NULL project', async () => {
    const [rows] = await bigquery.query({
      query: spendStatement(TABLE),
      params: params('2024-05-01', '2024-06-10', ['202405']),
    });
    expect(rows[0]).toMatchObject({
      project_id: null,
      service_description: 'Support',
      cost: 31,
    });
  });

  it('lists the invoice months in a partition range, counting only invoice.month', async () => {
    const { rows, totalBytesProcessed } = await queryWithStatistics(bigquery, {
      query: coverageStatement(TABLE),
      params: params('2024-05-01', '2024-05-02'),
    });
    // Late April rows sit in May's first partitions.
    expect(rows.map(r => r.invoice_month)).toEqual(['202404', '202405']);
    expect(totalBytesProcessed).toBe(2 * 24 * 8 * 3);
  });

  it('pages results with maxResults and pageToken, and caps pages without one', async () => {
    const [job] = await bigquery.createQueryJob({
      query: spendStatement(TABLE),
      params: params('2024-04-01', '2024-06-10', ['202404', '202405']),
    });
    const [first, next] = await job.getQueryResults({
      maxResults: 1,
      autoPaginate: false,
    });
    expect(first).toHaveLength(1);
    const [second] = await job.getQueryResults({
      ...next,
      autoPaginate: false,
    });
    expect(second[0]).not.toEqual(first[0]);
    // The emulator's page cap is 2 rows here; the client follows the tokens.
    const [all] = await job.getQueryResults();
    expect(all).toHaveLength(4);
    expect(emulators.bigquery.requestCounts()['Jobs/GetQueryResults']).toBe(4);

    const [metadata] = await job.getMetadata();
    expect(metadata.status.state).toBe('DONE');
    expect(Number(metadata.statistics.totalBytesProcessed)).toBeGreaterThan(0);
    expect(metadata.jobReference.location).toBe('US');
  });

  it('refuses a page token it did not issue', async () => {
    const [job] = await bigquery.createQueryJob({
      query: spendStatement(TABLE),
      params: params('2024-04-01', '2024-06-10', ['202404', '202405']),
    });
    await expect(
      job.getQueryResults({
        pageToken: 'bm90LWEtdG9rZW4',
        autoPaginate: false,
      }),
    ).rejects.toMatchObject({
      code: 400,
      message: expect.stringContaining('Invalid page token'),
    });
  });

  it('estimates bytes in a dry run without running a job', async () => {
    const query = {
      query: spendStatement(TABLE),
      params: params('2024-04-01', '2024-04-30', ['202404']),
    };
    const [dry] = await bigquery.createQueryJob({ ...query, dryRun: true });
    const { totalBytesProcessed } = await queryWithStatistics(bigquery, query);
    expect(Number(dry.metadata.statistics.totalBytesProcessed)).toBe(
      totalBytesProcessed,
    );
    expect(dry.metadata.jobReference.jobId).toBeUndefined();
  });

  it.each([
    [
      'an unknown column',
      spendStatement(TABLE).replace('SUM(cost)', 'SUM(costs)'),
      'Unrecognized name: costs at [6:7]',
    ],
    [
      'an unknown field of a record',
      spendStatement(TABLE).replace('project.id AS', 'project.ident AS'),
      'Field name ident does not exist in STRUCT<id STRING, number STRING, name STRING, labels RECORD> (in project) at [4:11]',
    ],
    [
      'a statement the emulator does not run',
      `SELECT * FROM \`${TABLE}\``,
      'Unsupported by the BigQuery emulator: expected invoice.month but got "*" at [1:8]',
    ],
    [
      'a grouped column left out',
      spendStatement(TABLE).replace('GROUP BY invoice_month, ', 'GROUP BY '),
      'SELECT list expression references column invoice_month which is neither grouped nor aggregated at [3:20]',
    ],
    [
      'trailing text',
      `${coverageStatement(TABLE)} LIMIT 5`,
      'Syntax error: Expected end of input but got keyword LIMIT at [5:24]',
    ],
    [
      'an illegal character',
      `${coverageStatement(TABLE)} %`,
      'Syntax error: Illegal input character "%" at [5:24]',
    ],
  ])(
    'answers 400 invalidQuery with a position for %s',
    async (_, query, message) => {
      await expect(
        bigquery.query({
          query,
          params: params('2024-04-01', '2024-04-30', ['202404']),
        }),
      ).rejects.toMatchObject({
        code: 400,
        errors: [
          expect.objectContaining({
            reason: 'invalidQuery',
            message: expect.stringContaining(message),
          }),
        ],
      });
    },
  );

  it('checks the parameters as BigQuery does', async () => {
    await expect(
      bigquery.query({
        query: coverageStatement(TABLE),
        params: { partitionStart: '2024-04-01', partitionEnd: '2024-04-30' },
      }),
    ).rejects.toMatchObject({
      code: 400,
      message: expect.stringContaining(
        'No matching signature for operator BETWEEN for argument types: DATE, STRING, STRING',
      ),
    });
    await expect(
      bigquery.query({
        query: spendStatement(TABLE),
        params: params('2024-04-01', '2024-04-30'),
      }),
    ).rejects.toMatchObject({
      message: "Query parameter 'months' not found at [10:31]",
    });
    await expect(
      bigquery.query({
        query: spendStatement(TABLE),
        params: { ...params('2024-04-01', '2024-04-30'), months: '202404' },
      }),
    ).rejects.toMatchObject({
      message:
        'Second argument of IN UNNEST must be an array but was STRING at [10:31]',
    });
  });

  it('answers 404 notFound for a table or job it does not have', async () => {
    await expect(
      bigquery.query({
        query: coverageStatement('billing-admin.export.missing'),
        params: params('2024-04-01', '2024-04-30'),
      }),
    ).rejects.toMatchObject({
      code: 404,
      message:
        'Not found: Table billing-admin:export.missing was not found in location US',
    });
    await expect(
      bigquery.job('job_nope').getQueryResults(),
    ).rejects.toMatchObject({
      code: 404,
      message: 'Not found: Job billing-admin:US.job_nope',
    });
  });

  it('injects faults as BigQuery answers them, and can be unreachable', async () => {
    const query = {
      query: coverageStatement(TABLE),
      params: params('2024-04-01', '2024-04-30'),
    };
    emulators.bigquery.setFaults([
      {
        method: 'Jobs/Query',
        code: 'PERMISSION_DENIED',
        times: 1,
        message: 'Access Denied: Table billing-admin:export.t',
      },
      { method: 'Jobs/Query', code: 'INTERNAL', times: 1 },
    ]);
    await expect(bigquery.query(query)).rejects.toMatchObject({
      code: 403,
      errors: [expect.objectContaining({ reason: 'accessDenied' })],
    });
    await expect(bigquery.query(query)).rejects.toMatchObject({ code: 500 });
    await expect(bigquery.query(query)).resolves.toBeDefined();
    expect(emulators.bigquery.requestCounts()['Jobs/Query']).toBe(3);

    emulators.bigquery.setReachable(false);
    try {
      await expect(bigquery.query(query)).rejects.toThrow();
    } finally {
      emulators.bigquery.setReachable(true);
    }
    await expect(bigquery.query(query)).resolves.toBeDefined();
  });
});
