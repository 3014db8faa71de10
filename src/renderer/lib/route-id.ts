/** A database id in a route like /patients/:patientId/records/:recordId, or null when it is not one. */
export function parseRouteId(param: string | undefined): number | null {
  if (param === undefined || !/^[1-9]\d{0,15}$/.test(param)) return null;
  const id = Number(param);
  return Number.isSafeInteger(id) ? id : null;
}
