/**
 * Backend building blocks shared by the Infra Atlas providers: the safe-sync rule (removal
 * ceiling, partial crawls never delete), the store of crawl runs, and the processor that turns
 * the providers' spec fields into relations.
 *
 * @packageDocumentation
 */
export * from './crawlRuns';
export * from './crawlLeases';
export * from './leasedCrawls';
export * from './safeSync';
export * from './heldScopes';
export * from './tables';
export * from './runStatus';
export * from './relationsProcessor';
export * from './linksProcessor';
export * from './ScheduledEntityProvider';
export * from './unownedGroup';
export * from './billingSource';
