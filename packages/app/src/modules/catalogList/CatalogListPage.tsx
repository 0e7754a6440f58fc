import {
  CatalogIndexPage,
  CatalogTableRow,
} from '@backstage/plugin-catalog/alpha';
import { useInventoryCatalogColumns } from '@infra-atlas/plugin-inventory';
import { ComponentProps } from 'react';

type CatalogIndexPageProps = ComponentProps<typeof CatalogIndexPage>;

/** The catalog's own list page, with the inventory's columns for the kind and type shown. */
export function CatalogListPage(
  props: Pick<
    CatalogIndexPageProps,
    'filters' | 'pagination' | 'exportSettings'
  >,
) {
  const columns = useInventoryCatalogColumns<CatalogTableRow>();
  return <CatalogIndexPage {...props} columns={columns} />;
}
