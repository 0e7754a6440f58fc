import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { HomeWidgetCard } from './components/home/HomeWidgetCard';

/*
 * The start page's widgets: what the estate holds, its runbooks, who grants access and whom to
 * ask. Each reads the catalog, so the start page describes whatever estate the providers crawl;
 * the app places them with `page:home`'s `defaultConfig` under these widget names.
 */

/** The estate in numbers and the ways into it (domain, organization, explorer, graph). */
export const atAGlanceWidget = HomePageWidgetBlueprint.make({
  name: 'at-a-glance',
  params: {
    name: 'InventoryAtAGlance',
    title: 'The infrastructure at a glance',
    description:
      'What the crawlers found, counted, and where to start exploring',
    components: () =>
      import('./components/home/AtAGlanceWidget').then(m => ({
        Content: m.AtAGlanceWidget,
      })),
    componentProps: { Renderer: HomeWidgetCard },
  },
});

/** Every System's TechDocs runbook. */
export const runbooksWidget = HomePageWidgetBlueprint.make({
  name: 'runbooks',
  params: {
    name: 'InventoryRunbooks',
    title: 'Runbooks',
    description: "Each system's runbook in TechDocs",
    components: () =>
      import('./components/home/RunbooksWidget').then(m => ({
        Content: m.RunbooksWidget,
      })),
    componentProps: { Renderer: HomeWidgetCard },
  },
});

/** Which group to join for which system, and how to ask. */
export const accessWidget = HomePageWidgetBlueprint.make({
  name: 'access',
  params: {
    name: 'InventoryAccess',
    title: 'How to get access',
    description: 'The groups that grant access to each system, and how to join',
    components: () =>
      import('./components/home/AccessWidget').then(m => ({
        Content: m.AccessWidget,
      })),
    componentProps: { Renderer: HomeWidgetCard },
  },
});

/** The owning groups' leads, Slack channel and mailing list. */
export const contactsWidget = HomePageWidgetBlueprint.make({
  name: 'contacts',
  params: {
    name: 'InventoryContacts',
    title: 'Whom to ask',
    description: 'The groups that own the domains, their leads and channels',
    components: () =>
      import('./components/home/ContactsWidget').then(m => ({
        Content: m.ContactsWidget,
      })),
    componentProps: { Renderer: HomeWidgetCard },
  },
});
