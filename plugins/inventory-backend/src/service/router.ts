import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CompletenessResponse,
  inventoryPersonalDetailsReadPermission,
  OWNERSHIP_ROLES,
  OwnershipRole,
} from '@infra-atlas/inventory-common';
import express, { Request, Response } from 'express';
import Router from 'express-promise-router';
import { normalizeRef } from '../graph/InventoryGraph';
import { administrators } from '../queries/administrators';
import { groupTotals, totalsOf } from '../queries/completeness';
import { impact, parseImpactOptions } from '../queries/impact';
import { ownership } from '../queries/ownership';
import { placement } from '../queries/placement';
import { CompletenessHistory } from './CompletenessHistory';
import { InventoryIndex } from './InventoryIndex';

const TO_FIX_LIMIT = 200;

function required(req: Request, name: string): string {
  const value = req.query[name];
  if (typeof value !== 'string' || !value.trim()) {
    throw new InputError(`Query parameter '${name}' is required`);
  }
  return value;
}

export type RouterOptions = {
  index: InventoryIndex;
  history: CompletenessHistory;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  impactMaxNodes: number;
};

/**
 * The inventory's HTTP API under /api/inventory. Every answer is computed from the in-memory
 * index; answers that can name people are redacted for callers without
 * `inventory.personal-details.read`.
 */
export function createRouter(options: RouterOptions): express.Router {
  const { index, history, httpAuth, permissions } = options;
  const router = Router();

  /** Whether the caller may see personal details; the answer is redacted if not. */
  async function answer(req: Request, res: Response, body: object) {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: inventoryPersonalDetailsReadPermission }],
      { credentials },
    );
    res.json(
      decision.result === AuthorizeResult.ALLOW
        ? body
        : index.current().redactor.redact(body),
    );
  }

  router.get('/status', (_req, res) => {
    res.json(index.statusResponse());
  });

  router.get('/placement', async (req, res) => {
    await answer(
      req,
      res,
      placement(index.current().graph, required(req, 'entity')),
    );
  });

  router.get('/administrators', async (req, res) => {
    await answer(
      req,
      res,
      administrators(index.current().graph, required(req, 'entity')),
    );
  });

  router.get('/ownership', async (req, res) => {
    const limit =
      req.query.limit === undefined ? undefined : Number(req.query.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
      throw new InputError('limit must be a positive integer');
    }
    const roles =
      typeof req.query.role === 'string'
        ? (req.query.role.split(',') as OwnershipRole[])
        : undefined;
    const unknown = roles?.filter(r => !OWNERSHIP_ROLES.includes(r));
    if (unknown?.length) {
      throw new InputError(
        `Unknown role ${unknown.join(', ')}; roles are ${OWNERSHIP_ROLES.join(
          ', ',
        )}`,
      );
    }
    await answer(
      req,
      res,
      ownership(index.current().graph, required(req, 'q'), { limit, roles }),
    );
  });

  router.get('/impact', async (req, res) => {
    const opts = parseImpactOptions(req.query, options.impactMaxNodes);
    await answer(
      req,
      res,
      impact(index.current().graph, required(req, 'entity'), opts),
    );
  });

  router.get('/drift', async (req, res) => {
    await answer(req, res, index.current().driftReport());
  });

  router.get('/completeness', async (req, res) => {
    const scope = (req.query.scope ?? 'all') as CompletenessResponse['scope'];
    if (!['all', 'owner', 'system', 'entity'].includes(scope)) {
      throw new InputError(
        `scope must be all, owner, system or entity, not '${scope}'`,
      );
    }
    const key =
      typeof req.query.key === 'string'
        ? normalizeRef(req.query.key)
        : undefined;
    const cards = index.current().scorecards;
    const inScope = cards.filter(card => {
      if (!key) return true;
      if (scope === 'entity') return card.entity.ref === key;
      if (scope === 'owner') return card.owner === key;
      if (scope === 'system') return card.system === key;
      return true;
    });
    const toFix = inScope
      .filter(c => c.score < 1)
      .sort(
        (a, b) => a.score - b.score || a.entity.ref.localeCompare(b.entity.ref),
      )
      .slice(0, TO_FIX_LIMIT);
    const body: CompletenessResponse = {
      scope,
      ...(key ? { key } : {}),
      totals: totalsOf(inScope),
      ...((scope === 'owner' || scope === 'system') && !key
        ? { groups: groupTotals(cards, scope) }
        : {}),
      toFix,
      history:
        scope === 'entity'
          ? []
          : await history.read(key ? scope : 'all', key ?? ''),
    };
    await answer(req, res, body);
  });

  // For the catalog module that turns links into relations: service callers only.
  router.get('/links', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const { links, ambiguous } = index.current().graph.resolution;
    const entity =
      typeof req.query.entity === 'string'
        ? normalizeRef(req.query.entity)
        : undefined;
    res.json({
      generatedAt: index.current().builtAt.toISOString(),
      links: entity
        ? links.filter(l => l.source === entity || l.target === entity)
        : links,
      ambiguous,
    });
  });

  return router;
}
