import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  CONFIGURATION_SETTINGS,
  ConfigurationResponse,
} from '@infra-atlas/inventory-common';
import { configuration } from '../queries/configuration';
import { Ask } from './answers';

const LOOKUP = { readOnly: true, idempotent: true, destructive: false };
/** Lines an action returns at most; the counts always cover every entity. */
const ACTION_LIMIT = 200;

/** One line per match: the entity, where it is, and its configuration in plain words. */
const matchLines = (answer: ConfigurationResponse) =>
  answer.entities.map(
    m =>
      `${m.entity.ref}${m.projectId ? ` (project ${m.projectId})` : ''}: ${
        m.lines.map(l => `${l.label}: ${l.text}`).join('; ') || String(m.value)
      }`,
  );

const summary = (answer: ConfigurationResponse) =>
  `${answer.matching} of ${answer.total}${
    answer.truncated ? ` (first ${answer.entities.length} listed)` : ''
  }`;

/**
 * The configuration questions as actions: "which buckets have a retention policy" (any
 * setting of any configured resource type) and "which projects enable API X".
 */
export function registerConfigurationActions(options: {
  actionsRegistry: ActionsRegistryService;
  ask: Ask;
}) {
  const { actionsRegistry, ask } = options;
  const types = Object.keys(CONFIGURATION_SETTINGS);

  actionsRegistry.register({
    name: 'which-resources-have-setting',
    title: 'Which resources have a configuration setting',
    description: `Given a resource type and one of its settings (optionally a value), lists the resources that have it, with their configuration in plain words and counts per value. Types and settings: ${types
      .map(t => `${t} (${CONFIGURATION_SETTINGS[t].join(', ')})`)
      .join(
        '; ',
      )}. E.g. which buckets have a retention policy: type gcs-bucket, setting retention; locked ones: value locked.`,
    attributes: LOOKUP,
    schema: {
      input: z =>
        z.object({
          type: z.enum(types as [string, ...string[]]),
          setting: z.string().optional().describe('Setting name'),
          value: z
            .string()
            .optional()
            .describe('Value to match; without it, "has the setting"'),
        }),
      output: z =>
        z.object({
          summary: z.string(),
          counts: z.record(z.number()),
          resources: z.array(z.string()),
        }),
    },
    action: async ({ input, credentials }) => {
      const answer = await ask(credentials, s =>
        configuration(s.graph, { ...input, limit: ACTION_LIMIT }),
      );
      return {
        output: {
          summary: summary(answer),
          counts: answer.counts,
          resources: matchLines(answer),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'which-projects-enable-api',
    title: 'Which projects enable an API',
    description:
      'Given a Google API service name (e.g. container.googleapis.com), lists the GCP projects that have it enabled.',
    attributes: LOOKUP,
    schema: {
      input: z =>
        z.object({
          service: z
            .string()
            .describe('API service name, e.g. dns.googleapis.com'),
        }),
      output: z =>
        z.object({ summary: z.string(), projects: z.array(z.string()) }),
    },
    action: async ({ input, credentials }) => {
      const answer = await ask(credentials, s =>
        configuration(s.graph, { service: input.service, limit: ACTION_LIMIT }),
      );
      return {
        output: {
          summary: summary(answer),
          projects: answer.entities.map(m => m.entity.ref),
        },
      };
    },
  });
}
