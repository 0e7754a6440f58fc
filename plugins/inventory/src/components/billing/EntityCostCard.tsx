import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  BillingGroupBy,
  EntityCost,
  entityTitle,
} from '@infra-atlas/inventory-common';
import useAsync from 'react-use/esm/useAsync';
import { inventoryApiRef } from '../../api';
import { billingRouteRef } from '../../routes';
import { billingStatus } from './BillingAnswerState';
import { billingViewSearch } from './billingLink';
import { EntityCostView } from './EntityCostView';

/** The breakdown an entity is a row of: its figures' own, else its kind's. */
function breakdownOf(entity: Entity, cost: EntityCost): BillingGroupBy {
  if (cost.groupBy) return cost.groupBy;
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind === 'group') return 'owner';
  return kind === 'system' ? 'system' : 'project';
}

/**
 * "What it costs" on a project's, System's or group's page. It says nothing at all, rather
 * than showing an error, where billing is not set up (404) or the reader may not see billing
 * figures (403), and nothing until the answer comes, so that it does not flash in and out.
 */
export function EntityCostCard() {
  const { entity } = useEntity();
  const inventory = useApi(inventoryApiRef);
  const reportPath = useRouteRef(billingRouteRef);
  const ref = stringifyEntityRef(entity);
  const { value, error } = useAsync(
    () => inventory.entityCost(ref),
    [inventory, ref],
  );
  const status = billingStatus(error);
  if (status === 403 || status === 404) return null;
  if (!value && !error) return null;
  return (
    <InfoCard title="What it costs">
      {value ? (
        <EntityCostView
          cost={value}
          name={entityTitle(entity)}
          reportLink={
            reportPath &&
            `${reportPath()}${billingViewSearch({
              groupBy: breakdownOf(entity, value),
              focus: ref,
            })}`
          }
        />
      ) : (
        <ResponseErrorPanel error={error!} />
      )}
    </InfoCard>
  );
}
