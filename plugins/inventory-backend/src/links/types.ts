import { Entity } from '@backstage/catalog-model';
import { AmbiguousLink, InventoryLink } from '@infra-atlas/inventory-common';

/** The part of the graph a link rule reads: entities by kind and type, and by ref. */
export type EntityLookup = {
  ofKind(kind: string, type?: string): Entity[];
  entity(ref: string): Entity | undefined;
};

/** A fact a rule expected to find something for, and found nothing. */
export type UnresolvedLink = {
  rule: string;
  source: string;
  wanted: string;
  /** The fact names something outside the crawled estate (another organization's project). */
  outsideEstate?: boolean;
};

export type LinkRuleResult = {
  links: InventoryLink[];
  ambiguous: AmbiguousLink[];
  unresolved: UnresolvedLink[];
};

/**
 * A rule that links facts only a view of the whole catalog can connect. Rules never guess:
 * one candidate is a link, several are reported as ambiguous, none as unresolved.
 */
export type LinkRule = {
  name: string;
  resolve(lookup: EntityLookup): LinkRuleResult;
};

/** Collects a rule's outcome, so each rule states only what it matched. */
export class LinkCollector implements LinkRuleResult {
  readonly links: InventoryLink[] = [];
  readonly ambiguous: AmbiguousLink[] = [];
  readonly unresolved: UnresolvedLink[] = [];

  constructor(private readonly rule: string) {}

  /** Links source to target, for the reason in `detail`. */
  link(source: string, type: string, target: string, detail: string) {
    this.links.push({
      source,
      type,
      target,
      provenance: { kind: 'inferred', rule: this.rule, detail },
    });
  }

  missing(source: string, wanted: string, outsideEstate = false) {
    this.unresolved.push({
      rule: this.rule,
      source,
      wanted,
      ...(outsideEstate ? { outsideEstate } : {}),
    });
  }

  /**
   * Records the outcome of one lookup: links `source` to the single candidate, or reports
   * the ambiguity or the absence.
   */
  match(options: {
    source: string;
    wanted: string;
    candidates: string[];
    type: string;
    detail: (target: string) => string;
    /** Links target → source instead of source → target. */
    reversed?: boolean;
    /** Report a missing candidate (false for names that may live outside the estate). */
    reportMissing?: boolean;
  }) {
    const candidates = [...new Set(options.candidates)];
    if (candidates.length === 1) {
      const [target] = candidates;
      const [from, to] = options.reversed
        ? [target, options.source]
        : [options.source, target];
      this.link(from, options.type, to, options.detail(target));
    } else if (candidates.length > 1) {
      this.ambiguous.push({
        rule: this.rule,
        source: options.source,
        wanted: options.wanted,
        candidates: candidates.sort(),
      });
    } else if (options.reportMissing !== false) {
      this.missing(options.source, options.wanted);
    }
  }
}
