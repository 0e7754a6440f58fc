import { renderInTestApp } from '@backstage/frontend-test-utils';
import { HomePageWidgetData } from '@backstage/plugin-home-react/alpha';
import { screen } from '@testing-library/react';
import { placeWidgets, StartPageLayout } from './StartPageLayout';

const widget = (name: string): HomePageWidgetData =>
  ({
    name,
    title: `${name} title`,
    component: <p>{name} content</p>,
    node: { spec: { id: `home-page-widget:${name}` } },
  } as unknown as HomePageWidgetData);

const widgets = ['Search', 'Welcome', 'Glance', 'Unplaced'].map(widget);

describe('placeWidgets', () => {
  it('orders the configured widgets by row and column, numbering rows 1, 2, … and leaving out what the config does not name', () => {
    const placed = placeWidgets(widgets, [
      { component: 'Glance', row: 4, column: 7, width: 5, height: 6 },
      { component: 'Welcome', row: 4, column: 0, width: 7, height: 6 },
      { component: 'Search', row: 0, column: 0, width: 12, height: 2 },
      { component: 'Missing', row: 9, column: 0, width: 12, height: 2 },
    ]);
    expect(
      placed.map(({ widget: w, row, column, width }) => [
        w.name,
        row,
        column,
        width,
      ]),
    ).toEqual([
      ['Search', 1, 1, 12],
      ['Welcome', 2, 1, 7],
      ['Glance', 2, 8, 5],
    ]);
  });

  it('keeps a widget inside the 12 columns', () => {
    const [placed] = placeWidgets(widgets, [
      { component: 'Glance', row: 0, column: 9, width: 6, height: 1 },
    ]);
    expect([placed.column, placed.width]).toEqual([10, 3]);
  });

  it('gives every widget a full row without a config', () => {
    expect(placeWidgets(widgets, undefined).map(p => p.row)).toEqual([
      1, 2, 3, 4,
    ]);
  });
});

describe('StartPageLayout', () => {
  it("heads the page with the app's title and makes each widget a labelled region", async () => {
    await renderInTestApp(
      <StartPageLayout
        widgets={widgets}
        defaultConfig={[
          { component: 'Welcome', row: 0, column: 0, width: 12, height: 6 },
          { component: 'Glance', row: 1, column: 0, width: 12, height: 6 },
        ]}
      />,
      {
        config: {
          app: { title: 'Infra Atlas' },
          organization: { name: 'Kubernetes community infrastructure' },
        },
      },
    );
    expect(
      screen.getByRole('heading', { level: 1, name: 'Infra Atlas' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Kubernetes community infrastructure'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Welcome title' }),
    ).toHaveTextContent('Welcome content');
    expect(
      screen.getAllByRole('region').map(r => r.getAttribute('aria-label')),
    ).toEqual(expect.arrayContaining(['Welcome title', 'Glance title']));
    expect(screen.queryByText('Unplaced content')).not.toBeInTheDocument();
  });
});
