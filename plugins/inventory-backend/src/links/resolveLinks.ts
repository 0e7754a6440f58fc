import { dnsCnameRule } from './dnsCnames';
import { dnsSharedAddressRule } from './dnsSharedAddresses';
import { dnsZoneRule } from './dnsZones';
import { emailLocalPartRule } from './identities';
import { imageSourceRule } from './imageSources';
import { staticIpRule } from './staticIps';
import { systemAnchorRule } from './systemAnchors';
import { TimeSlicer } from '../graph/timeSlices';
import { EntityLookup, LinkRule, LinkRuleResult } from './types';
import { workloadIdentityRule } from './workloadIdentity';

export type LinkOptions = { matchEmailLocalPart: boolean };

export function linkRules(options: LinkOptions): LinkRule[] {
  return [
    dnsZoneRule,
    dnsCnameRule,
    dnsSharedAddressRule,
    workloadIdentityRule,
    staticIpRule,
    systemAnchorRule,
    imageSourceRule,
    ...(options.matchEmailLocalPart ? [emailLocalPartRule] : []),
  ];
}

/** Runs every rule over the catalog and gathers links, ambiguities and misses. */
export function resolveLinks(
  lookup: EntityLookup,
  rules: LinkRule[],
): LinkRuleResult {
  const result: LinkRuleResult = { links: [], ambiguous: [], unresolved: [] };
  for (const rule of rules) addOutcome(result, rule.resolve(lookup));
  return result;
}

/** {@link resolveLinks}, giving way to other work between rules. */
export async function resolveLinksInSlices(
  lookup: EntityLookup,
  rules: LinkRule[],
  slicer: TimeSlicer,
): Promise<LinkRuleResult> {
  const result: LinkRuleResult = { links: [], ambiguous: [], unresolved: [] };
  await slicer.each(rules, rule => addOutcome(result, rule.resolve(lookup)));
  return result;
}

function addOutcome(result: LinkRuleResult, outcome: LinkRuleResult) {
  result.links.push(...outcome.links);
  result.ambiguous.push(...outcome.ambiguous);
  result.unresolved.push(...outcome.unresolved);
}
