import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { HomeWidgetCard } from '@infra-atlas/plugin-inventory';

// What only a person can say about this estate. The inventory's widgets beside it are
// data-driven: the numbers, the runbooks, the access groups and the owners' contacts.
const welcome = `
The Kubernetes project runs its own infrastructure: the container registry
registry.k8s.io, DNS for k8s.io and kubernetes.io, gcsweb, the publishing-bot, image
promotion and the billing report. It lives in the GCP organization kubernetes.io and on
GitHub, is managed as code in [kubernetes/k8s.io](https://github.com/kubernetes/k8s.io), and is
run by [SIG K8s Infra](/catalog/default/group/sig-k8s-infra). Infra Atlas is its map: what
runs where, who owns it, and what depends on what.

- **Search** (above) finds anything by name or by its identifiers: a project ID or number, a
  bucket, a DNS name, a container image, a GitHub login or a group's e-mail address.
- **Read a runbook** before you touch a system: what it is, where it runs, how to get access,
  how to operate and recover it.
- **Access is granted by group**: membership of the Google Groups is declared in
  kubernetes/k8s.io, so joining one is a pull request that its owners review.
- **Learn how Infra Atlas works** — the [Infra Atlas docs](/docs/default/component/infra-atlas).
`;

/** Where the data comes from when it is not live (`app.dataNotice`): said before anything else. */
function DataNotice() {
  const notice = useApi(configApiRef).getOptionalString('app.dataNotice');
  return notice ? (
    <Typography variant="body2" role="note" style={{ marginBottom: 12 }}>
      <strong>{notice}</strong>
    </Typography>
  ) : null;
}

const welcomeWidget = HomePageWidgetBlueprint.make({
  name: 'welcome',
  params: {
    name: 'Welcome',
    title: 'Welcome to the Kubernetes infrastructure',
    description: 'Where a new contributor starts',
    components: async () => ({
      Content: () => (
        <>
          <DataNotice />
          <MarkdownContent content={welcome} />
        </>
      ),
    }),
    componentProps: { Renderer: HomeWidgetCard },
  },
});

/** Widgets in reading order at their natural height (see StartPageLayout). */
const startPageLayout = HomePageLayoutBlueprint.make({
  params: {
    loader: () => import('./StartPageLayout').then(m => m.StartPageLayout),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [welcomeWidget, startPageLayout],
});
