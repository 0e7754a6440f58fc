/*
 * The Infra Atlas backend: the catalog with its inventory providers, TechDocs built locally
 * with mkdocs, search over both, and sign-in. Every plugin here earns its place; see
 * docs/architecture.md for why each one is wired.
 */
import { eventsModuleGithubWebhook } from '@infra-atlas/plugin-catalog-backend-module-github';
import { createBackend } from '@backstage/backend-defaults';
import { timestampedRootLoggerServiceFactory } from './rootLogger';

const backend = createBackend();

// Production log lines carry their time; Backstage's JSON lines have none (rootLogger.ts).
backend.add(timestampedRootLoggerServiceFactory);

// Serves the built frontend in production (`yarn build` puts it into app's dist).
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest for the demo, GitHub for production (app-config.production.yaml).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));

// The catalog: hand-written entities from catalog/, and the inventory crawled from GCP
// (catalog.providers.gcpInventory) and GitHub (catalog.providers.githubInventory).
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@infra-atlas/plugin-catalog-backend-module-gcp'));
backend.add(import('@infra-atlas/plugin-catalog-backend-module-github'));
// GitHub webhooks (POST /api/events/http/github): the signature is checked against
// events.modules.github.webhookSecret before the body is read (401), a signed body must be JSON
// (400); they become github.* events, and the GitHub inventory refreshes the one repository a
// push or a repository event names.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(eventsModuleGithubWebhook);
// Turns the providers' placement, access and serving facts, and the inventory's resolved
// links, into catalog relations.
backend.add(import('@infra-atlas/plugin-catalog-backend-module-inventory'));

// The inventory: placement, ownership, impact, completeness, drift and crawl status over the
// whole catalog (/api/inventory, docs/infra-atlas/inventory-api.md), also as actions.
backend.add(import('@infra-atlas/plugin-inventory-backend'));
// Its billing figures from GCP (inventory.billing.gcp): Cloud Billing and the BigQuery export.
backend.add(import('@infra-atlas/plugin-inventory-backend-module-gcp-billing'));

// Permissions: who sees people's e-mail addresses, and which kinds only their owners read
// (infraAtlas.permissions; docs/infra-atlas/permissions.md). The demo lets its guest see all.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@infra-atlas/plugin-permission-backend-module-inventory-policy'),
);

// TechDocs: runbooks and project docs, generated with the local mkdocs.
backend.add(import('@backstage/plugin-techdocs-backend'));
// Apps in kubernetes/k8s.io document themselves with a README, not a mkdocs site.
backend.add(import('@infra-atlas/plugin-techdocs-backend-module-readme'));

// Search over catalog entities and TechDocs pages. The inventory's engine is PostgreSQL's
// when the database is PostgreSQL and Lunr in memory on SQLite, ranked alike on both: exact
// identifiers and names first, then projects and Systems before what is named after them.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));
// The inventory's engine, and catalog search that also finds entities by project ID or
// number, bucket, DNS name, image, login.
backend.add(import('@infra-atlas/plugin-search-backend-module-inventory'));

backend.start();
