import { Content, Header, Page } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ReactNode } from 'react';
import { CrawlFreshness } from './CrawlFreshness';

/**
 * The shell of a report over the whole index (scorecards, drift): its header, then how fresh
 * the crawls behind its answers are, then the report's own grid items (`<Grid item>`).
 */
export function ReportPage(props: {
  title: string;
  subtitle: string;
  children: ReactNode;
}) {
  return (
    <Page themeId="tool">
      <Header title={props.title} subtitle={props.subtitle} />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <CrawlFreshness />
          </Grid>
          {props.children}
        </Grid>
      </Content>
    </Page>
  );
}
