/*
 * Values of the inventory API that are part of its contract: the backend answers with them and
 * the app interprets them, so both read them from here.
 */

/**
 * How many entities `/completeness` lists in `toFix` at most, worst first; the totals always
 * cover every entity.
 *
 * @public
 */
export const TO_FIX_LIMIT = 200;

/**
 * The `groups[].key` of `/completeness` (scope `owner` or `system`) for the entities that have
 * no owner or no system.
 *
 * @public
 */
export const NO_GROUP_KEY = 'none';

/**
 * The `owners[].owner.ref` of `/impact` under which the entities without an owner are listed.
 *
 * @public
 */
export const UNOWNED_KEY = 'unowned';
