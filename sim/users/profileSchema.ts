// The org's user profile schema: Okta's default (base) attributes and no custom ones. A real org
// refuses a create with an attribute its schema does not define (recorded 2025 by Okta's Terraform
// provider: 400 E0000001 "Api validation failed: newUser", one cause per attribute) rather than
// dropping it.

/** The default profile's properties, as the contract's `UserProfile` schema lists them. */
const BASE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'city', 'costCenter', 'countryCode', 'department', 'displayName', 'division', 'email', 'employeeNumber',
  'firstName', 'honorificPrefix', 'honorificSuffix', 'lastName', 'locale', 'login', 'manager', 'managerId',
  'middleName', 'mobilePhone', 'nickName', 'organization', 'postalAddress', 'preferredLanguage', 'primaryPhone',
  'profileUrl', 'secondEmail', 'state', 'streetAddress', 'timezone', 'title', 'userType', 'zipCode',
]);

/** One error cause per profile attribute the schema does not define (in the order given). */
export function undefinedAttributeCauses(profile: Record<string, unknown>): string[] {
  return Object.keys(profile)
    .filter((name) => !BASE_ATTRIBUTES.has(name))
    .map((name) => `Property name '${name}' is not defined in profile`);
}
