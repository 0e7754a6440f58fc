import { createValidatedOpenApiRouterFromGeneratedEndpointMap } from '@backstage/backend-openapi-utils';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import { access } from '../queries/access';
import { administrators } from '../queries/administrators';
import { completeness } from '../queries/completeness';
import { dependencyGraph, parseGraphOptions } from '../queries/dependencyGraph';
import { impact, parseImpactOptions } from '../queries/impact';
import { explorer } from '../queries/explorer';
import { configuration } from '../queries/configuration';
import { ownersFiles } from '../queries/ownersFiles';
import { pathOwnership } from '../queries/pathOwnership';
import { placement } from '../queries/placement';
import { runbook } from '../queries/runbook';
import {
  Ask,
  driftQuestion,
  entityQuestion,
  linksQuestion,
  ownershipQuestion,
} from './answers';
import { BillingAnswers } from '../billing/billingAnswers';
import { CompletenessHistory } from './CompletenessHistory';
import { InventoryIndex } from './InventoryIndex';
import { EndpointMap, spec } from '../schema/openapi';
import { integerSpelling } from '../schema/integerSpelling';

export type RouterOptions = {
  index: InventoryIndex;
  /** How every answer is asked: the same for the routes and the actions. */
  ask: Ask;
  history: CompletenessHistory;
  httpAuth: HttpAuthService;
  impactMaxNodes: number;
  /** The billing answers (src/billing): a 404 for each when no billing module is installed. */
  billing: BillingAnswers;
};

/**
 * The inventory's HTTP API under /api/inventory, as src/schema/openapi.yaml states it: every
 * request is validated against that document first (a 400 naming the bad parameter), so the
 * handlers read typed, bounded parameters. Every answer is computed from the in-memory index;
 * what the caller may not read in the catalog is taken out, and personal details are
 * withheld from callers without `inventory.personal-details.read` (see answers.ts).
 */
export function createRouter(options: RouterOptions): express.Router {
  const { index, ask, history, httpAuth } = options;
  const router =
    createValidatedOpenApiRouterFromGeneratedEndpointMap<EndpointMap>(spec, {
      middleware: [integerSpelling()],
    });

  router.get('/status', (_req, res) => {
    res.json(index.statusResponse());
  });

  router.get('/placement', async (req, res) => {
    const { entity } = req.query;
    res.json(
      await ask(
        await httpAuth.credentials(req),
        entityQuestion(entity, s => placement(s.graph, entity)),
      ),
    );
  });

  // The whole placement forest in one answer (about 4,900 rows for k8s-infra); the UI filters it.
  router.get('/explorer', async (req, res) => {
    res.json(
      await ask(await httpAuth.credentials(req), s => explorer(s.graph)),
    );
  });

  // Which resources have a setting (buckets with a retention policy), which projects enable an API.
  router.get('/configuration', async (req, res) => {
    const question = req.query;
    res.json(
      await ask(await httpAuth.credentials(req), s =>
        configuration(s.graph, question),
      ),
    );
  });

  router.get('/administrators', async (req, res) => {
    const { entity, ...page } = req.query;
    res.json(
      await ask(
        await httpAuth.credentials(req),
        entityQuestion(entity, s =>
          administrators(s.graph, entity, new Date(), page),
        ),
      ),
    );
  });

  // Which groups grant access to an entity and how to join them (the file to change).
  router.get('/access', async (req, res) => {
    const { entity } = req.query;
    res.json(
      await ask(
        await httpAuth.credentials(req),
        entityQuestion(entity, s => access(s.graph, entity)),
      ),
    );
  });

  router.get('/ownership', async (req, res) => {
    const { q, role, ...query } = req.query;
    res.json(
      await ask(
        await httpAuth.credentials(req),
        ownershipQuestion(q, { ...query, roles: role }),
      ),
    );
  });

  router.get('/impact', async (req, res) => {
    const { entity } = req.query;
    const impactOptions = parseImpactOptions(req.query, options.impactMaxNodes);
    res.json(
      await ask(
        await httpAuth.credentials(req),
        entityQuestion(entity, s => impact(s.graph, entity, impactOptions)),
      ),
    );
  });

  router.get('/graph', async (req, res) => {
    const { entity } = req.query;
    const graphOptions = parseGraphOptions(req.query, options.impactMaxNodes);
    res.json(
      await ask(
        await httpAuth.credentials(req),
        entityQuestion(entity, s =>
          dependencyGraph(s.graph, entity, graphOptions),
        ),
      ),
    );
  });

  router.get('/drift', async (req, res) => {
    const { entity } = req.query;
    res.json(await ask(await httpAuth.credentials(req), driftQuestion(entity)));
  });

  router.get('/owners-files', async (req, res) => {
    const { entity } = req.query;
    res.json(
      await ask(
        await httpAuth.credentials(req),
        entityQuestion(entity, s => ownersFiles(s.graph, entity)),
      ),
    );
  });

  // Who approves, reviews and code-owns one path of a repository, from its stored rules.
  router.get('/path-ownership', async (req, res) => {
    const { repository, path } = req.query;
    res.json(
      await ask(await httpAuth.credentials(req), s =>
        pathOwnership(s.graph, repository, path),
      ),
    );
  });

  router.get('/runbook', async (req, res) => {
    const { entity } = req.query;
    res.json(
      await ask(
        await httpAuth.credentials(req),
        entityQuestion(entity, s => runbook(s.graph, entity)),
      ),
    );
  });

  router.get('/completeness', async (req, res) => {
    const { scope = 'all', key } = req.query;
    // Which entity's scorecard: the document cannot make one parameter require another.
    if (scope === 'entity' && !key) {
      throw new InputError(
        `request/query/key is required with scope=entity: the entity's ref`,
      );
    }
    const answer = await ask(
      await httpAuth.credentials(req),
      entityQuestion(key, s => completeness(s.graph, s.scorecards, scope, key)),
    );
    // Totals carry no personal details.
    const days =
      scope === 'entity'
        ? []
        : await history.read(answer.key ? scope : 'all', answer.key ?? '');
    res.json({ ...answer, history: days });
  });

  // What the estate costs, joined to who owns it: one month broken down, against the last.
  router.get('/billing', async (req, res) => {
    const { groupBy = 'owner', month, from, to } = req.query;
    res.json(
      await options.billing.report(await httpAuth.credentials(req), {
        groupBy,
        month,
        from,
        to,
      }),
    );
  });

  // What one project, group or System costs, month by month.
  router.get('/billing/entity', async (req, res) => {
    const { entityRef, months } = req.query;
    res.json(
      await options.billing.entityCost(
        await httpAuth.credentials(req),
        entityRef,
        months,
      ),
    );
  });

  // For the catalog module that turns links into relations: service callers only.
  router.get('/links', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    res.json(await ask(credentials, linksQuestion(req.query.entity)));
  });

  return router;
}
