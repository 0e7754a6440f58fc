import { PageBlueprint } from '@backstage/frontend-plugin-api';
import AssessmentIcon from '@material-ui/icons/Assessment';
import SyncProblemIcon from '@material-ui/icons/SyncProblem';
import { driftRouteRef, scorecardsRouteRef } from './routes';

/** How complete the catalog is, per owner and system, and what to fix: in the sidebar. */
export const scorecardsPage = PageBlueprint.make({
  name: 'scorecards',
  params: {
    path: '/inventory/scorecards',
    routeRef: scorecardsRouteRef,
    title: 'Scorecards',
    icon: <AssessmentIcon />,
    loader: () =>
      import('./components/scorecards/ScorecardsPage').then(m => (
        <m.ScorecardsPage />
      )),
  },
});

/** Where git, the cloud and the catalog disagree: in the sidebar. */
export const driftPage = PageBlueprint.make({
  name: 'drift',
  params: {
    path: '/inventory/drift',
    routeRef: driftRouteRef,
    title: 'Drift',
    icon: <SyncProblemIcon />,
    loader: () =>
      import('./components/drift/DriftPage').then(m => <m.DriftPage />),
  },
});
