import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { HomeWidgetCard } from './components/home/HomeWidgetCard';

/*
 * The start page's widgets: what the estate holds, its runbooks, who grants access and whom to
 * ask. Each reads the catalog, so the start page describes whatever estate the providers crawl;
 * the app places them with `page:home`'s `defaultConfig` under these widget names.
 */

/** A start-page widget drawn in the inventory's card (a real heading), its content lazy. */
const inventoryWidget = (options: {
  extension: string;
  name: string;
  title: string;
  description: string;
  content: () => Promise<() => JSX.Element>;
}) =>
  HomePageWidgetBlueprint.make({
    name: options.extension,
    params: {
      name: options.name,
      title: options.title,
      description: options.description,
      components: () => options.content().then(Content => ({ Content })),
      componentProps: { Renderer: HomeWidgetCard },
    },
  });

/** The estate in numbers and the ways into it (domain, organization, explorer, graph). */
export const atAGlanceWidget = inventoryWidget({
  extension: 'at-a-glance',
  name: 'InventoryAtAGlance',
  title: 'The infrastructure at a glance',
  description: 'What the crawlers found, counted, and where to start exploring',
  content: () =>
    import('./components/home/AtAGlanceWidget').then(m => m.AtAGlanceWidget),
});

/** Every System's TechDocs runbook. */
export const runbooksWidget = inventoryWidget({
  extension: 'runbooks',
  name: 'InventoryRunbooks',
  title: 'Runbooks',
  description: "Each system's runbook in TechDocs",
  content: () =>
    import('./components/home/RunbooksWidget').then(m => m.RunbooksWidget),
});

/** Which group to join for which system, and how to ask. */
export const accessWidget = inventoryWidget({
  extension: 'access',
  name: 'InventoryAccess',
  title: 'How to get access',
  description: 'The groups that grant access to each system, and how to join',
  content: () =>
    import('./components/home/AccessWidget').then(m => m.AccessWidget),
});

/** The owning groups' leads, Slack channel and mailing list. */
export const contactsWidget = inventoryWidget({
  extension: 'contacts',
  name: 'InventoryContacts',
  title: 'Whom to ask',
  description: 'The groups that own the domains, their leads and channels',
  content: () =>
    import('./components/home/ContactsWidget').then(m => m.ContactsWidget),
});
