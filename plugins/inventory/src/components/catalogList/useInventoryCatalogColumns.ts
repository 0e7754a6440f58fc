import useMediaQuery from '@material-ui/core/useMediaQuery';
import { Theme } from '@material-ui/core/styles';
import { useMemo } from 'react';
import { CatalogListRow, inventoryCatalogColumns } from './catalogColumns';

/**
 * The catalog list's columns for this screen: below the `md` breakpoint (960 px, a tablet
 * held upright) the extra columns (description, state, system, a record's values) give their
 * room to the name, so the table fits without scrolling sideways.
 *
 * @public
 */
export function useInventoryCatalogColumns<
  Row extends CatalogListRow = CatalogListRow,
>() {
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), {
    noSsr: true,
  });
  return useMemo(() => inventoryCatalogColumns<Row>({ narrow }), [narrow]);
}
