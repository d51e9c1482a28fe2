/** The HTTP methods that change something: they need the CSRF header, and a staff one may change the catalog. */
const mutatingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isMutating = (method: string) => mutatingMethods.has(method.toUpperCase());

/** The methods whose request carries a body (so may be too large, or of a type okno does not read). */
const bodyMethods = new Set(['POST', 'PUT', 'PATCH']);
export const carriesBody = (method: string) => bodyMethods.has(method.toUpperCase());
