import { dnsCnameRule } from './dnsCnames';
import { dnsSharedAddressRule } from './dnsSharedAddresses';
import { dnsZoneRule } from './dnsZones';
import { emailLocalPartRule } from './identities';
import { imageSourceRule } from './imageSources';
import { staticIpRule } from './staticIps';
import { systemAnchorRule } from './systemAnchors';
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
  for (const rule of rules) {
    const outcome = rule.resolve(lookup);
    result.links.push(...outcome.links);
    result.ambiguous.push(...outcome.ambiguous);
    result.unresolved.push(...outcome.unresolved);
  }
  return result;
}
