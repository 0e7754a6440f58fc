import { LoggerService } from '@backstage/backend-plugin-api';
import { BigQuery } from '@google-cloud/bigquery';
import {
  InvoiceMonth,
  MonthlySpend,
  addMonths,
  invoiceMonthOf,
} from '@infra-atlas/inventory-common';
import {
  BillingSource,
  ProjectBilling,
  SpendRead,
} from '@infra-atlas/plugin-inventory-node';
import { GcpBillingClients } from './clients';
import { GcpBillingConfig } from './config';
import {
  Statement,
  coverageStatement,
  invoiceMonth,
  spendStatement,
} from './queries';

type SpendRow = {
  invoice_month: string;
  project_id: string | null;
  service: string;
  cost: number | null;
  credits: number | null;
};

/**
 * Billing figures from GCP: each project's billing account from Cloud Billing (listed per
 * billing account), and spend from the Cloud Billing export in BigQuery with the two
 * statements of `queries.ts`. Errors name the account or table they are about; they never
 * carry a credential.
 */
export class GcpBillingSource implements BillingSource {
  readonly id: string;
  readonly currency: string;

  constructor(
    private readonly config: GcpBillingConfig,
    private readonly clients: () => Promise<GcpBillingClients>,
    private readonly logger: LoggerService,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.id = `gcp-billing:${config.exportTable}`;
    this.currency = config.currency;
  }

  async listProjectBilling(): Promise<ProjectBilling[]> {
    const { billing } = await this.clients();
    const accounts =
      this.config.billingAccounts ?? (await this.visibleAccounts());
    const projects: ProjectBilling[] = [];
    for (const account of accounts) {
      try {
        // The client follows nextPageToken itself (autoPaginate).
        const [infos] = await billing.listProjectBillingInfo({ name: account });
        for (const info of infos) {
          projects.push({
            projectId: info.projectId ?? '',
            billingAccount: info.billingAccountName ?? '',
            billingEnabled: Boolean(info.billingEnabled),
          });
        }
      } catch (error) {
        throw new Error(
          `Cloud Billing: could not list the projects of ${account}: ${messageOf(
            error,
          )}`,
        );
      }
    }
    return projects;
  }

  async readSpend(months: InvoiceMonth[]): Promise<SpendRead> {
    const { rows, bytesProcessed } = await this.run<SpendRow>(
      spendStatement(this.config.exportTable, months),
    );
    const spend: MonthlySpend[] = rows.map(r => ({
      month: invoiceMonth(r.invoice_month),
      projectId: r.project_id ?? '',
      service: r.service,
      cost: r.cost ?? 0,
      credits: r.credits ?? 0,
    }));
    return {
      rows: spend,
      monthsWithData: [...new Set(spend.map(r => r.month))],
      bytesProcessed,
      queries: 1,
    };
  }

  async coveredMonths(since?: InvoiceMonth): Promise<InvoiceMonth[]> {
    const today = this.now();
    const { rows } = await this.run<{ invoice_month: string }>(
      coverageStatement(
        this.config.exportTable,
        // After the first refresh only new months are looked for: the partitions since the
        // newest month stored, not the whole look-back.
        since ?? addMonths(invoiceMonthOf(today), -this.config.lookbackMonths),
        today.toISOString().slice(0, 10),
      ),
    );
    return rows.map(r => invoiceMonth(r.invoice_month)).sort();
  }

  private async visibleAccounts(): Promise<string[]> {
    const { billing } = await this.clients();
    try {
      const [accounts] = await billing.listBillingAccounts({});
      return accounts.map(a => a.name ?? '').filter(Boolean);
    } catch (error) {
      throw new Error(
        `Cloud Billing: could not list the billing accounts the credentials can see: ${messageOf(
          error,
        )}`,
      );
    }
  }

  /**
   * Runs one statement as a query job and reads its results page by page (`maxResults` rows a
   * page), returning the bytes BigQuery reports it processed.
   */
  private async run<T>(
    statement: Statement,
  ): Promise<{ rows: T[]; bytesProcessed: number }> {
    const { bigquery } = await this.clients();
    const started = Date.now();
    try {
      const [job] = await bigquery.createQueryJob({
        query: statement.query,
        params: clientParams(statement),
        types: statement.types,
        location: this.config.location,
        jobTimeoutMs: this.config.bigquery.jobTimeoutMs,
      });
      const rows: T[] = [];
      let bytesProcessed = 0;
      let page: Record<string, unknown> | null = {
        maxResults: this.config.bigquery.maxResults,
        autoPaginate: false,
      };
      while (page) {
        const [pageRows, next, response] = await job.getQueryResults(page);
        rows.push(...(pageRows as T[]));
        if (response?.totalBytesProcessed !== undefined) {
          bytesProcessed = Number(response.totalBytesProcessed);
        }
        page = next as Record<string, unknown> | null;
      }
      this.logger.debug(
        `BigQuery job ${job.id} on ${this.config.exportTable}: ${
          rows.length
        } rows, ${bytesProcessed} bytes processed, ${Date.now() - started} ms`,
      );
      return { rows, bytesProcessed };
    } catch (error) {
      throw new Error(
        `BigQuery billing export ${this.config.exportTable} (location ${
          this.config.location
        }): ${messageOf(error)}`,
      );
    }
  }
}

/**
 * The statement's parameters as the client sends them: it serialises a DATE parameter only
 * from its own date type (a plain string would go out empty).
 */
function clientParams(statement: Statement): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(statement.params).map(([name, value]) => [
      name,
      statement.types[name] === 'DATE' ? BigQuery.date(String(value)) : value,
    ]),
  );
}

/** An error's message: the clients' errors carry the API's words, never the request's headers. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
