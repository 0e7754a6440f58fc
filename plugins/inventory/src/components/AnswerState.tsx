import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  InventoryClient,
  InventoryRequestError,
} from '@infra-atlas/inventory-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../api';

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

/** A card that asks the inventory about the page's entity and shows the answer or its state. */
export function EntityAnswerCard<T>(props: {
  title: string;
  ask: (inventory: InventoryClient, entityRef: string) => Promise<T>;
  children: (answer: T) => ReactNode;
}) {
  const { entity } = useEntity();
  const inventory = useApi(inventoryApiRef);
  const ref = stringifyEntityRef(entity);
  const state = useAsync(() => props.ask(inventory, ref), [inventory, ref]);
  return (
    <InfoCard title={props.title}>
      <AnswerState {...state}>{props.children}</AnswerState>
    </InfoCard>
  );
}
