import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  CONFIGURATION_SETTINGS,
  ConfigurationMatch,
  ConfigurationResponse,
  ConfigurationValue,
  GcpConfiguration,
  RESOURCE_TYPES,
  describeConfiguration,
  settingMatches,
  settingsOf,
} from '@infra-atlas/inventory-common';
import { InventoryGraph, refOf } from '../graph/InventoryGraph';
import { configurationOf, enabledServicesOf, gcpField } from '../graph/specs';

/**
 * The settings the explorer filters by: those of the entity's type (without a custom role's
 * permissions, hundreds per role) and a project's enabled APIs as `api`.
 */
export function explorerSettings(
  entity: Entity,
): Record<string, ConfigurationValue> | undefined {
  const type = (entity.spec as { type?: string } | undefined)?.type ?? '';
  const services = enabledServicesOf(entity);
  if (services) return { api: services };
  const config = configurationOf<GcpConfiguration>(entity);
  if (!config) return undefined;
  const { permissions, ...settings } = settingsOf(type, config);
  return settings;
}

/** Entities listed in one answer at most, by default; counts always cover every entity. */
export const CONFIGURATION_LIMIT = 500;

export type ConfigurationQuestion = {
  type?: string;
  setting?: string;
  value?: string;
  /** An API, e.g. `container.googleapis.com`: which projects enable it. */
  service?: string;
  limit?: number;
};

type Candidate = {
  ref: string;
  value?: ConfigurationValue;
  matches: boolean;
  lines: ConfigurationMatch['lines'];
};

/** Counts each value of a setting; a list counts each of its items. */
function countValues(
  counts: Record<string, number>,
  value: ConfigurationValue,
) {
  for (const item of Array.isArray(value) ? value : [value]) {
    const key = String(item);
    counts[key] = (counts[key] ?? 0) + 1;
  }
}

/**
 * Configuration questions over the crawled configuration (`spec.gcp.configuration`,
 * `spec.gcp.enabledServices`): which buckets have a retention policy, which clusters are on
 * the RAPID channel, which custom roles grant a permission, which projects enable an API.
 * An entity whose configuration was not read is not counted either way.
 */
export function configuration(
  graph: InventoryGraph,
  question: ConfigurationQuestion,
): ConfigurationResponse {
  const candidates: Candidate[] = [];
  const counts: Record<string, number> = {};
  let type: string;
  let settings: readonly string[];

  if (question.service) {
    type = RESOURCE_TYPES.gcpProject;
    settings = [];
    const service = question.service;
    for (const project of graph.ofKind('resource', type)) {
      const services = enabledServicesOf(project);
      if (!services) continue;
      const matches = settingMatches(services, service);
      countValues(counts, matches ? 'enabled' : 'not enabled');
      candidates.push({
        ref: refOf(project),
        value: service,
        matches,
        lines: [{ label: 'APIs enabled', text: String(services.length) }],
      });
    }
  } else {
    type = question.type ?? '';
    settings = CONFIGURATION_SETTINGS[type] ?? [];
    if (!settings.length) {
      throw new InputError(
        `Ask with service=<api> or type=<${Object.keys(
          CONFIGURATION_SETTINGS,
        ).join('|')}>`,
      );
    }
    const { setting, value } = question;
    if (setting && !settings.includes(setting)) {
      throw new InputError(
        `${type} has no setting "${setting}"; it has ${settings.join(', ')}`,
      );
    }
    for (const entity of graph.ofKind('resource', type)) {
      const config = configurationOf<GcpConfiguration>(entity);
      if (!config) continue;
      const values = settingsOf(type, config);
      const current = setting ? values[setting] : undefined;
      if (setting && current !== undefined) countValues(counts, current);
      candidates.push({
        ref: refOf(entity),
        value: current,
        matches: !setting || settingMatches(current, value),
        lines: describeConfiguration(type, config),
      });
    }
  }

  const matching = candidates
    .filter(c => c.matches)
    .sort((a, b) => a.ref.localeCompare(b.ref));
  const limit = question.limit ?? CONFIGURATION_LIMIT;
  return {
    question: {
      type,
      ...(question.setting ? { setting: question.setting } : {}),
      ...(question.value ? { value: question.value } : {}),
      ...(question.service ? { service: question.service } : {}),
    },
    total: candidates.length,
    matching: matching.length,
    counts,
    settings: [...settings],
    entities: matching.slice(0, limit).map(c => ({
      entity: graph.summary(c.ref),
      projectId: gcpField(graph.entity(c.ref), 'projectId'),
      ...(c.value !== undefined ? { value: c.value } : {}),
      lines: c.lines,
    })),
    truncated: matching.length > limit,
    redacted: false,
  };
}
