import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

// The first thing a new contributor reads. It points at the hand-written catalog and the
// runbooks; the inventory explorer and ownership lookup join it as they land.
const welcome = `
Infra Atlas is the map of the Kubernetes community's infrastructure: what runs where,
who owns it, and what depends on what.

- **Start with the domain** — [Kubernetes community infrastructure](/catalog/default/domain/k8s-infra)
  lists the systems the community operates: the container registry, DNS, the
  publishing-bot, gcsweb, image promotion and the billing report.
- **See where things run** — the GCP organization
  [kubernetes.io](/catalog/default/resource/gcp-organization--758905017065) and everything
  in it: projects, GKE clusters, buckets, service accounts, secrets, and who administers each.
- **Read a runbook** — every system has one under [Docs](/docs): what it is, where it
  runs, how to get access, how to operate and recover it, and whom to ask.
- **Ask the owners** — [sig-k8s-infra](/catalog/default/group/sig-k8s-infra) owns the
  estate; its page lists the Slack channel and mailing list.
- **Learn how Infra Atlas works** — the [Infra Atlas docs](/docs/default/component/infra-atlas).
`;

const welcomeWidget = HomePageWidgetBlueprint.make({
  name: 'welcome',
  params: {
    name: 'Welcome',
    title: 'Welcome to the Kubernetes infrastructure',
    description: 'Where a new contributor starts',
    components: async () => ({
      Content: () => <MarkdownContent content={welcome} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [welcomeWidget],
});
