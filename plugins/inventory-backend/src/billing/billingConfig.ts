import { Config } from '@backstage/config';
import { INVOICE_MONTH_PATTERN } from '@infra-atlas/inventory-common';
import { DEFAULT_SIG_RULES, SigRules } from './model/attribution';
import { BudgetConfig } from './model/report';

/** What the billing answers read from `inventory.billing` (see config.d.ts). */
export type BillingAnswersConfig = {
  budget?: BudgetConfig;
  /** Shown above the figures, e.g. the demo's "These figures are synthetic". */
  note?: string;
  sigs: SigRules;
};

function readBudget(config: Config): BudgetConfig {
  const budget = {
    title: config.getString('title'),
    amount: config.getNumber('amount'),
    start: config.getString('start'),
    months: config.getOptionalNumber('months') ?? 12,
    measure: (config.getOptionalString('measure') ?? 'net') as 'net' | 'cost',
  };
  const where = 'inventory.billing.budget';
  if (!(budget.amount > 0)) {
    throw new Error(
      `${where}.amount must be more than 0; it is ${budget.amount}`,
    );
  }
  if (!INVOICE_MONTH_PATTERN.test(budget.start)) {
    throw new Error(
      `${where}.start must be a month written YYYY-MM; it is '${budget.start}'`,
    );
  }
  if (!Number.isInteger(budget.months) || budget.months < 1) {
    throw new Error(
      `${where}.months must be a whole number, at least 1; it is ${budget.months}`,
    );
  }
  if (!['net', 'cost'].includes(budget.measure)) {
    throw new Error(
      `${where}.measure must be net or cost; it is '${budget.measure}'`,
    );
  }
  return budget;
}

function readSigRules(config: Config | undefined): SigRules {
  const pattern = config?.getOptionalString('declaredIn');
  let declaredIn = DEFAULT_SIG_RULES.declaredIn;
  if (pattern !== undefined) {
    try {
      declaredIn = pattern ? new RegExp(pattern) : undefined;
    } catch (error) {
      throw new Error(
        `inventory.billing.sigs.declaredIn is not a regular expression: ${
          (error as Error).message
        }`,
      );
    }
  }
  return {
    groupTypes:
      config?.getOptionalStringArray('groupTypes') ??
      DEFAULT_SIG_RULES.groupTypes,
    declaredIn,
  };
}

/** Reads the report's settings; a budget that cannot be right stops the start-up, saying why. */
export function readBillingAnswersConfig(root: Config): BillingAnswersConfig {
  const billing = root.getOptionalConfig('inventory.billing');
  const budget = billing?.getOptionalConfig('budget');
  const note = billing?.getOptionalString('note');
  return {
    ...(budget ? { budget: readBudget(budget) } : {}),
    ...(note ? { note } : {}),
    sigs: readSigRules(billing?.getOptionalConfig('sigs')),
  };
}
