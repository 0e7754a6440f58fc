/**
 * Every provider's owner of last resort. Backstage requires an owner on most kinds, so what no
 * ownership rule attributes points at this placeholder Group (emitted by
 * `catalogModuleInventoryRelations`), whose page lists all of it; answers say "unowned" rather
 * than naming it as an owner.
 */
/** The ref of the placeholder owner of what no ownership rule attributes. @public */
export const UNOWNED_REF = 'group:default/unowned';

/** @public */
export const isUnowned = (ref: string | undefined) =>
  ref?.toLowerCase() === UNOWNED_REF;
