import { EmptyState } from '@backstage/core-components';
import { InventoryRequestError } from '@infra-atlas/inventory-common';
import LinearProgress from '@material-ui/core/LinearProgress';
import { ReactNode } from 'react';
import { AnswerState } from '../AnswerState';

/** The status of a failed billing question, when the inventory answered it. */
export const billingStatus = (error?: Error) =>
  error instanceof InventoryRequestError ? error.status : undefined;

/**
 * The billing answers' states: the inventory's (loading, still building, failed), and two of
 * their own, said to the reader rather than shown as errors — billing is not set up on this
 * portal (404), or the reader may not see its figures (403). While a new question is asked
 * (another month or breakdown), the last answer stays on screen under a progress bar.
 */
export function BillingAnswerState<T>(props: {
  loading: boolean;
  error?: Error;
  value?: T;
  children: (value: T) => ReactNode;
}) {
  const { loading, error, value, children } = props;
  const status = billingStatus(error);
  if (status === 404) {
    return (
      <EmptyState
        missing="info"
        title="Billing is not set up on this portal"
        description="The billing report reads the Cloud Billing export that Google Cloud writes to BigQuery. To turn it on, this portal's operators name the billing accounts and the export table in its configuration (inventory.billing); the Billing page of the Infra Atlas documentation says how."
      />
    );
  }
  if (status === 403) {
    return (
      <EmptyState
        missing="info"
        title="You may not see billing figures"
        description="Billing figures are shown to the groups this portal's operators allow. Ask them to add a group you are in; the rest of the inventory stays open to you."
      />
    );
  }
  if (loading && value !== undefined) {
    return (
      <>
        <LinearProgress aria-label="Loading" />
        {children(value)}
      </>
    );
  }
  return (
    <AnswerState loading={loading} error={error} value={value}>
      {children}
    </AnswerState>
  );
}
