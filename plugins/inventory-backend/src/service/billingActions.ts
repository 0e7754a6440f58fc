import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  BILLING_GROUP_BYS,
  BillingRow,
  SpendAmounts,
} from '@infra-atlas/inventory-common';
import { BillingAnswers } from '../billing/billingAnswers';
import { spec } from '../schema/openapi';

const LOOKUP = { readOnly: true, idempotent: true, destructive: false };
/** The months an entity's cost may span, as the API's document bounds `months`. */
const MONTHS = spec.paths['/billing/entity'].get.parameters[1].schema;
const MONTH_PATTERN = new RegExp(spec.components.schemas.InvoiceMonth.pattern);

/** An amount as an assistant can quote it: two decimals, thousands separated. */
const money = (currency: string, amount: number) =>
  `${currency} ${amount.toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })}`;

const signed = (currency: string, amount: number) =>
  `${amount >= 0 ? '+' : '-'}${money(currency, Math.abs(amount))}`;

const amountsText = (currency: string, a: SpendAmounts) =>
  `${money(currency, a.net)} net (cost ${money(
    currency,
    a.cost,
  )}, credits ${money(currency, a.credits)})`;

const moverText = (currency: string, row: BillingRow) =>
  `${row.title}${row.entityRef ? ` (${row.entityRef})` : ''}: ${signed(
    currency,
    row.change,
  )}, ${money(currency, row.previousNet ?? 0)} → ${money(currency, row.net)}${
    row.note ? ` [${row.note}]` : ''
  }`;

/**
 * The billing questions as actions: what an entity costs, and what moved most in a month.
 * Both need `inventory.billing.read`, as the routes do.
 */
export function registerBillingActions(options: {
  actionsRegistry: ActionsRegistryService;
  billing: BillingAnswers;
}) {
  const { actionsRegistry, billing } = options;

  actionsRegistry.register({
    name: 'what-does-it-cost',
    title: 'What a project, group or System costs',
    description:
      'Given a GCP project ID or the entity ref of a GCP project, a group (its share as owner, or as a SIG) or a System, gives its spend month by month (net = cost + credits) and its largest services and projects in the latest month. Shared projects are split equally among their owners, SIGs or Systems.',
    attributes: LOOKUP,
    schema: {
      input: z =>
        z.object({
          entity: z
            .string()
            .describe(
              'A GCP project ID (k8s-artifacts-prod) or an entity ref (group:default/sig-testing)',
            ),
          months: z
            .number()
            .int()
            .min(MONTHS.minimum)
            .max(MONTHS.maximum)
            .optional()
            .describe('How many months, ending with the latest (default 12)'),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          months: z.array(z.string()),
          services: z.array(z.string()),
          projects: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      const cost = await billing.entityCost(
        credentials,
        input.entity,
        input.months,
      );
      const { currency } = cost;
      const latest = cost.months.at(-1);
      return {
        output: {
          summary: [
            latest
              ? `${latest.month} (${latest.state}): ${amountsText(
                  currency,
                  latest,
                )}`
              : 'No months',
            cost.basis,
            cost.note,
          ]
            .filter(Boolean)
            .join('. '),
          months: cost.months.map(m =>
            m.state === 'no-data'
              ? `${m.month}: no data`
              : `${m.month} (${m.state}): ${amountsText(currency, m)}`,
          ),
          services: cost.topServices.map(
            s => `${s.service}: ${amountsText(currency, s)}`,
          ),
          projects: (cost.topProjects ?? []).map(
            p =>
              `${p.title}: ${amountsText(currency, p)}${
                p.note ? ` [${p.note}]` : ''
              }`,
          ),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'what-moved-most',
    title: 'Whose spend moved most this month',
    description:
      'The rows whose net spend changed most from the previous month, by project (default), owner, SIG, System or service, with the month’s total against the previous month’s.',
    attributes: LOOKUP,
    schema: {
      input: z =>
        z.object({
          groupBy: z
            .enum(BILLING_GROUP_BYS)
            .optional()
            .describe('The breakdown (default project)'),
          month: z
            .string()
            .regex(MONTH_PATTERN)
            .optional()
            .describe('YYYY-MM; default the latest month with figures'),
        }),
      output: z =>
        z.object({ summary: z.string(), movers: z.array(z.string()) }),
    },
    action: async ({ input, credentials }) => {
      const report = await billing.report(credentials, {
        groupBy: input.groupBy ?? 'project',
        month: input.month,
      });
      const { currency, month, previousMonth, total, previousTotal } = report;
      const summary =
        report.monthState === 'no-data'
          ? `No billing figures for ${month}`
          : `${month} (${report.monthState}): ${money(
              currency,
              total.net,
            )} net${
              previousTotal
                ? `, ${signed(
                    currency,
                    total.net - previousTotal.net,
                  )} from ${money(
                    currency,
                    previousTotal.net,
                  )} in ${previousMonth}`
                : `; no figures for ${previousMonth} to compare with`
            }`;
      return {
        output: {
          summary: report.note ? `${summary}. ${report.note}` : summary,
          movers: report.movers.map(row => moverText(currency, row)),
        },
      };
    },
  });
}
