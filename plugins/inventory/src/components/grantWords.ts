/* IAM grants in the words a reader uses, shared by the access and administrators cards. */

/** Where a grant is made, in words: here, the organization, a folder, a project. */
export function whereGranted(grant: {
  inherited: boolean;
  grantedOn: string;
}): string {
  if (!grant.inherited) return 'here';
  const [scope, id] = grant.grantedOn.split('/');
  if (scope === 'organizations') return 'from the organization';
  if (scope === 'folders') return `from folder ${id}`;
  if (scope === 'projects') return `from project ${id}`;
  return `from ${grant.grantedOn}`;
}

/** An IAM member as people say it: an address, `… (service account)`, `everyone at …`. */
export function memberText(member: string): string {
  const [type, ...rest] = member.split(':');
  const value = rest.join(':');
  if (!value) return member;
  if (type === 'serviceAccount') return `${value} (service account)`;
  if (type === 'domain') return `everyone at ${value}`;
  if (type === 'user' || type === 'group') return value;
  return member;
}
