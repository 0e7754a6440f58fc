import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { OWNERSHIP_ROLES, OwnershipRole } from '@infra-atlas/inventory-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { normalizeRef } from '../graph/InventoryGraph';
import { access } from '../queries/access';
import { administrators } from '../queries/administrators';
import {
  COMPLETENESS_SCOPES,
  CompletenessScope,
  completeness,
} from '../queries/completeness';
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
  ownershipQuestion,
} from './answers';
import { CompletenessHistory } from './CompletenessHistory';
import { InventoryIndex } from './InventoryIndex';

/** A query parameter given at most once; `required` makes a missing one a 400 too. */
function param(req: Request, name: string, required: true): string;
function param(
  req: Request,
  name: string,
  required?: false,
): string | undefined;
function param(req: Request, name: string, required = false) {
  const value = req.query[name];
  if (Array.isArray(value)) {
    throw new InputError(`Query parameter '${name}' is given more than once`);
  }
  if (typeof value === 'string' && value.trim()) return value;
  if (required) throw new InputError(`Query parameter '${name}' is required`);
  return undefined;
}

function positiveInteger(req: Request, name: string): number | undefined {
  const value = param(req, name);
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) {
    throw new InputError(`${name} must be a positive integer, not '${value}'`);
  }
  return Number(value);
}

/** Where a page starts: 0 or a positive integer. */
function offsetParam(req: Request): number | undefined {
  return param(req, 'offset') === '0' ? 0 : positiveInteger(req, 'offset');
}

function ownershipRoles(req: Request): OwnershipRole[] | undefined {
  const roles = param(req, 'role')?.split(',') as OwnershipRole[] | undefined;
  const unknown = roles?.filter(r => !OWNERSHIP_ROLES.includes(r));
  if (unknown?.length) {
    throw new InputError(
      `Unknown role ${unknown.join(', ')}; roles are ${OWNERSHIP_ROLES.join(
        ', ',
      )}`,
    );
  }
  return roles;
}

export type RouterOptions = {
  index: InventoryIndex;
  /** How every answer is asked: the same for the routes and the actions. */
  ask: Ask;
  history: CompletenessHistory;
  httpAuth: HttpAuthService;
  impactMaxNodes: number;
};

/**
 * The inventory's HTTP API under /api/inventory. Every answer is computed from the in-memory
 * index; answers that can name people are redacted for callers without
 * `inventory.personal-details.read`.
 */
export function createRouter(options: RouterOptions): express.Router {
  const { index, ask, history, httpAuth } = options;
  const router = Router();

  router.get('/status', (_req, res) => {
    res.json(index.statusResponse());
  });

  router.get('/placement', async (req, res) => {
    const entity = param(req, 'entity', true);
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
    const question = {
      type: param(req, 'type'),
      setting: param(req, 'setting'),
      value: param(req, 'value'),
      service: param(req, 'service'),
      limit: positiveInteger(req, 'limit'),
    };
    res.json(
      await ask(await httpAuth.credentials(req), s =>
        configuration(s.graph, question),
      ),
    );
  });

  router.get('/administrators', async (req, res) => {
    const entity = param(req, 'entity', true);
    res.json(
      await ask(
        await httpAuth.credentials(req),
        entityQuestion(entity, s => administrators(s.graph, entity)),
      ),
    );
  });

  // Which groups grant access to an entity and how to join them (the file to change).
  router.get('/access', async (req, res) => {
    const entity = param(req, 'entity', true);
    res.json(
      await ask(
        await httpAuth.credentials(req),
        entityQuestion(entity, s => access(s.graph, entity)),
      ),
    );
  });

  router.get('/ownership', async (req, res) => {
    const q = param(req, 'q', true);
    const query = {
      limit: positiveInteger(req, 'limit'),
      roles: ownershipRoles(req),
      pageSize: positiveInteger(req, 'pageSize'),
      section: param(req, 'section'),
      offset: offsetParam(req),
    };
    res.json(
      await ask(await httpAuth.credentials(req), ownershipQuestion(q, query)),
    );
  });

  router.get('/impact', async (req, res) => {
    const entity = param(req, 'entity', true);
    const impactOptions = parseImpactOptions(
      {
        direction: param(req, 'direction'),
        depth: param(req, 'depth'),
        relations: param(req, 'relations'),
      },
      options.impactMaxNodes,
    );
    res.json(
      await ask(
        await httpAuth.credentials(req),
        entityQuestion(entity, s => impact(s.graph, entity, impactOptions)),
      ),
    );
  });

  router.get('/graph', async (req, res) => {
    const entity = param(req, 'entity', true);
    const graphOptions = parseGraphOptions(
      {
        mode: param(req, 'mode'),
        depth: param(req, 'depth'),
        relations: param(req, 'relations'),
        kinds: param(req, 'kinds'),
        maxNodes: param(req, 'maxNodes'),
      },
      options.impactMaxNodes,
    );
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
    const entity = param(req, 'entity');
    res.json(await ask(await httpAuth.credentials(req), driftQuestion(entity)));
  });

  router.get('/owners-files', async (req, res) => {
    const entity = param(req, 'entity', true);
    res.json(
      await ask(
        await httpAuth.credentials(req),
        entityQuestion(entity, s => ownersFiles(s.graph, entity)),
      ),
    );
  });

  // Who approves, reviews and code-owns one path of a repository, from its stored rules.
  router.get('/path-ownership', async (req, res) => {
    const repository = param(req, 'repository', true);
    const path = param(req, 'path', true);
    res.json(
      await ask(await httpAuth.credentials(req), s =>
        pathOwnership(s.graph, repository, path),
      ),
    );
  });

  router.get('/runbook', async (req, res) => {
    const entity = param(req, 'entity', true);
    res.json(
      await ask(
        await httpAuth.credentials(req),
        entityQuestion(entity, s => runbook(s.graph, entity)),
      ),
    );
  });

  router.get('/completeness', async (req, res) => {
    const scope = (param(req, 'scope') ?? 'all') as CompletenessScope;
    if (!COMPLETENESS_SCOPES.includes(scope)) {
      throw new InputError(
        `scope must be ${COMPLETENESS_SCOPES.join(', ')}, not '${scope}'`,
      );
    }
    const key = param(req, 'key');
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

  // For the catalog module that turns links into relations: service callers only.
  router.get('/links', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const state = index.current();
    const { links, ambiguous } = state.graph.resolution;
    const entity = param(req, 'entity');
    const ref = entity ? normalizeRef(entity) : undefined;
    res.json({
      generatedAt: state.builtAt.toISOString(),
      links: ref
        ? links.filter(l => l.source === ref || l.target === ref)
        : links,
      ambiguous,
    });
  });

  return router;
}
