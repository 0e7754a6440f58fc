import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { InventoryRequestError } from '@infra-atlas/inventory-common';
import { ReactNode } from 'react';

/**
 * Loading, not-yet-indexed and error states shared by every card: a 404 means the inventory
 * has not seen the entity (yet), a 503 that its first index is still being built.
 */
export function AnswerState<T>(props: {
  loading: boolean;
  error?: Error;
  value?: T;
  children: (value: T) => ReactNode;
}) {
  const { loading, error, value, children } = props;
  if (loading) return <Progress />;
  const status =
    error instanceof InventoryRequestError ? error.status : undefined;
  if (status === 404 || status === 503) {
    return (
      <EmptyState
        missing="data"
        title={
          status === 404
            ? 'Not in the inventory yet'
            : 'The inventory is still being built'
        }
        description="The inventory re-reads the catalog every few seconds; try again shortly."
      />
    );
  }
  if (error) return <ResponseErrorPanel error={error} />;
  return <>{value === undefined ? null : children(value)}</>;
}
