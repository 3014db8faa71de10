/** A drug lot expiry (yyyy-mm) about a year after whenever the test runs: never expired. */
export const unexpiredLot = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 7);
