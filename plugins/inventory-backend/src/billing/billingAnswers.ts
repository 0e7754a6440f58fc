import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  BillingReport,
  BillingRow,
  EntityCost,
  inventoryBillingReadPermission,
  invoiceMonthOf,
  monthsFrom,
  oncePer,
} from '@infra-atlas/inventory-common';
import { InventoryGraph } from '../graph/InventoryGraph';
import { Ask, entityQuestion } from '../service/answers';
import { BillingAnswersConfig } from './billingConfig';
import { currentAttributions, namesFrom } from './model/attribution';
import { costMonths, costSubject, entityCost } from './model/entityCost';
import { readFigures } from './model/figures';
import { totalOf } from './model/partition';
import {
  billingReport,
  monthsNeeded,
  ReportQuestion,
  resolveQuestion,
} from './model/report';
import { BillingFigures } from './store/BillingFigures';

/** Most months one report's trend spans: five years. */
export const MAX_TREND_MONTHS = 60;
/** Months on a "What it costs" card unless asked otherwise. */
export const DEFAULT_COST_MONTHS = 12;

/** The billing questions, as the routes and the actions ask them. */
export type BillingAnswers = {
  report(
    credentials: BackstageCredentials,
    question: ReportQuestion,
  ): Promise<BillingReport>;
  entityCost(
    credentials: BackstageCredentials,
    entityRef: string,
    months?: number,
  ): Promise<EntityCost>;
};

/** The key of the row that stands for the rows a caller may not read. */
const NOT_READABLE_KEY = 'not-readable';

/**
 * The billing answers over the store's figures and the inventory's ownership. Each needs
 * `inventory.billing.read` (a 403 without); without a billing module there are no figures
 * (a 404 saying so). Rows about entities the caller may not read in the catalog are folded
 * into one row, so that the rows still add up to the total.
 */
export function createBillingAnswers(deps: {
  figures?: BillingFigures;
  ask: Ask;
  permissions: PermissionsService;
  config: BillingAnswersConfig;
  now?: () => Date;
}): BillingAnswers {
  const { ask, config } = deps;
  const today = () => invoiceMonthOf(deps.now?.() ?? new Date());
  // Today's attributions, once per index build: every report and card of a build reads the same.
  const attributionsOf = oncePer((graph: InventoryGraph) =>
    currentAttributions(graph, config.sigs),
  );

  async function allowed(credentials: BackstageCredentials) {
    if (!deps.figures) {
      throw new NotFoundError(
        'Billing is not configured: no billing module (such as @infra-atlas/plugin-inventory-backend-module-gcp-billing) gives the inventory a billing source. See docs/infra-atlas/billing.md',
      );
    }
    const [decision] = await deps.permissions.authorize(
      [{ permission: inventoryBillingReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Billing figures need inventory.billing.read');
    }
    return deps.figures;
  }

  const context = (graph: InventoryGraph) => ({
    current: attributionsOf(graph),
    names: namesFrom(graph),
    budget: config.budget,
    note: config.note,
  });

  return {
    async report(credentials, asked) {
      if (asked.from && asked.to && asked.from > asked.to) {
        throw new InputError(
          `request/query/from must not be after request/query/to (${asked.from} > ${asked.to})`,
        );
      }
      const store = await allowed(credentials);
      let question: ReturnType<typeof resolveQuestion> | undefined;
      const figures = await readFigures(store, known => {
        question = resolveQuestion(asked, known, today());
        return monthsNeeded(question, known, config.budget);
      });
      const range = monthsFrom(question!.from, question!.to).length;
      if (range > MAX_TREND_MONTHS) {
        throw new InputError(
          `request/query/from to request/query/to spans ${range} months; at most ${MAX_TREND_MONTHS}`,
        );
      }
      let whole: BillingReport | undefined;
      const kept = await ask(credentials, state => {
        whole = billingReport(figures, question!, context(state.graph));
        return whole;
      });
      return foldUnreadable(whole!, withoutRedactedFlag(kept));
    },

    async entityCost(credentials, entityRef, months = DEFAULT_COST_MONTHS) {
      const store = await allowed(credentials);
      let shown: string[] = [];
      const figures = await readFigures(store, known => {
        shown = costMonths(known, months, today());
        return shown;
      });
      return withoutRedactedFlag(
        await ask(
          credentials,
          entityQuestion(entityRef, state =>
            entityCost(
              figures,
              costSubject(state.graph, entityRef, config.sigs),
              shown,
              context(state.graph),
            ),
          ),
        ),
      );
    },
  };
}

/** Billing answers carry no personal details of their own; the flag says nothing here. */
function withoutRedactedFlag<T extends object>(answer: T): T {
  const { redacted: _, ...rest } = answer as T & { redacted?: boolean };
  return rest as T;
}

/**
 * The report with the rows the caller may not read (taken out by `ask`) replaced by one row
 * that holds their sum: a breakdown must still add up to the month's total.
 */
function foldUnreadable(
  whole: BillingReport,
  kept: BillingReport,
): BillingReport {
  const keys = new Set(kept.rows.map(row => row.key));
  const hidden = whole.rows.filter(row => !keys.has(row.key));
  if (!hidden.length) return kept;
  const amounts = totalOf(hidden);
  const previous = hidden.filter(row => row.previousNet !== undefined);
  const previousNet = previous.reduce((sum, row) => sum + row.previousNet!, 0);
  const row: BillingRow = {
    key: NOT_READABLE_KEY,
    title: 'Entities you may not read',
    ...amounts,
    ...(previous.length ? { previousNet } : {}),
    change: amounts.net - previousNet,
    note: `Spend of ${hidden.length} ${
      hidden.length === 1 ? 'entity' : 'entities'
    } the catalog does not show you`,
  };
  return {
    ...kept,
    rows: [...kept.rows, row].sort((a, b) => b.net - a.net),
  };
}
