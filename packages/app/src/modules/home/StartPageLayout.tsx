import { Content, Header, Page } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutProps,
  HomePageWidgetData,
} from '@backstage/plugin-home-react/alpha';
import { makeStyles } from '@material-ui/core/styles';
import { CSSProperties } from 'react';

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(12, minmax(0, 1fr))',
    gap: theme.spacing(3),
    alignItems: 'stretch',
  },
  cell: {
    gridColumn: '1 / -1',
    // A row's cards share its height, so a short card does not leave a ragged edge.
    '& [class*="MuiCard-root"]': { height: '100%' },
  },
  // Side by side only where a card is wide enough to read; one column below.
  placed: {
    [theme.breakpoints.up('md')]: {
      gridColumn: 'var(--column) / span var(--width)',
      gridRow: 'var(--row)',
    },
  },
}));

type Placement = {
  widget: HomePageWidgetData;
  row: number;
  column: number;
  width: number;
};

/**
 * Where each widget goes: `defaultConfig`'s column and width on a 12-column grid, its rows in
 * order. Heights are the content's own, not the config's: a start page is read, not arranged.
 * Widgets the config does not name are left out, as the stock grid does; without a config,
 * every widget takes a full row.
 */
export function placeWidgets(
  widgets: HomePageWidgetData[],
  defaultConfig: HomePageLayoutProps['defaultConfig'],
): Placement[] {
  if (!defaultConfig) {
    return widgets.map((widget, i) => ({
      widget,
      row: i + 1,
      column: 1,
      width: 12,
    }));
  }
  const rows = [...new Set(defaultConfig.map(item => item.row))].sort(
    (a, b) => a - b,
  );
  return defaultConfig
    .flatMap(item => {
      const widget = widgets.find(w => w.name === item.component);
      return widget
        ? [
            {
              widget,
              row: rows.indexOf(item.row) + 1,
              column: Math.min(item.column, 11) + 1,
              width: Math.max(1, Math.min(item.width, 12 - item.column)),
            },
          ]
        : [];
    })
    .sort((a, b) => a.row - b.row || a.column - b.column);
}

/**
 * The start page: the app's title as the page heading, then the widgets in reading order, each
 * a labelled region. Replaces the home plugin's customizable grid, whose fixed row heights cut
 * long cards and whose layout scatters below its widest breakpoint.
 */
export function StartPageLayout(props: HomePageLayoutProps) {
  const classes = useStyles();
  const config = useApi(configApiRef);
  return (
    <Page themeId="home">
      <Header
        title={config.getOptionalString('app.title') ?? 'Backstage'}
        subtitle={config.getOptionalString('organization.name')}
      />
      <Content>
        <div className={classes.grid}>
          {placeWidgets(props.widgets, props.defaultConfig).map(
            ({ widget, row, column, width }) => (
              <section
                key={widget.name ?? widget.node.spec.id}
                aria-label={widget.title}
                className={`${classes.cell} ${classes.placed}`}
                style={
                  {
                    '--row': row,
                    '--column': column,
                    '--width': width,
                  } as CSSProperties
                }
              >
                {widget.component}
              </section>
            ),
          )}
        </div>
      </Content>
    </Page>
  );
}
