import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { InventoryClient } from '@infra-atlas/inventory-common';
import { inventoryApiRef } from '../api';
import { driftRouteRef, graphRouteRef } from '../routes';

/** The entity page every card test renders on: the gcsweb app. */
export const gcsweb: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'k8s-app--kubernetes-public--us-central1--aaa--gcsweb',
    namespace: 'default',
  },
  spec: { type: 'service' },
};

/** An entity as answers name it. */
export const summary = (ref: string, title: string, exists = true) => ({
  ref,
  kind: ref.split(':')[0],
  title,
  exists,
});

/** A card on gcsweb's page, asking the given (partial) inventory client. */
export const renderCard = (
  element: JSX.Element,
  api: Partial<InventoryClient>,
) =>
  renderInTestApp(<EntityProvider entity={gcsweb}>{element}</EntityProvider>, {
    apis: [[inventoryApiRef, api as InventoryClient]],
    mountedRoutes: {
      '/catalog/:namespace/:kind/:name': entityRouteRef,
      '/inventory/graph': graphRouteRef,
      '/inventory/drift': driftRouteRef,
    },
  });
