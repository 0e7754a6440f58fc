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

/** The inventory re-reads the catalog every few seconds: a missing entity may come soon. */
const RETRY_SHORTLY =
  'The inventory re-reads the catalog every few seconds; try again shortly.';

/**
 * Loading, not-found and error states shared by the inventory's cards, pages and widgets: a
 * 503 means the first index is still being built; a 404 by default that the inventory has
 * not seen the entity (yet). A caller for which a 404 means something else (a mistyped ref
 * in a URL) says so with `notFoundTitle` and `notFoundDescription`.
 */
export function AnswerState<T>(props: {
  loading: boolean;
  error?: Error;
  value?: T;
  notFoundTitle?: string;
  notFoundDescription?: string;
  children: (value: T) => ReactNode;
}) {
  const { loading, error, value, children } = props;
  if (loading) return <Progress />;
  const status =
    error instanceof InventoryRequestError ? error.status : undefined;
  if (status === 404) {
    return (
      <EmptyState
        missing="data"
        title={props.notFoundTitle ?? 'Not in the inventory yet'}
        description={props.notFoundDescription ?? RETRY_SHORTLY}
      />
    );
  }
  if (status === 503) {
    return (
      <EmptyState
        missing="data"
        title="The inventory is still being built"
        description={RETRY_SHORTLY}
      />
    );
  }
  if (error) return <ResponseErrorPanel error={error} />;
  return <>{value === undefined ? null : children(value)}</>;
}

/** A card that asks the inventory about the page's entity and shows the answer or its state. */
export function EntityAnswerCard<T>(props: {
  title: string;
  /**
   * The question. A new function asks again, so pass one defined once (at module level), not
   * an arrow function written in the JSX.
   */
  ask: (inventory: InventoryClient, entityRef: string) => Promise<T>;
  children: (answer: T) => ReactNode;
}) {
  const { title, ask, children } = props;
  const { entity } = useEntity();
  const inventory = useApi(inventoryApiRef);
  const ref = stringifyEntityRef(entity);
  const state = useAsync(() => ask(inventory, ref), [ask, inventory, ref]);
  return (
    <InfoCard title={title}>
      <AnswerState {...state}>{children}</AnswerState>
    </InfoCard>
  );
}
