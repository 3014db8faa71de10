/**
 * Whether the signed-in user has already signed something in this continuous session. The
 * first signing needs the user ID and the password, later ones the password only
 * (21 CFR 11.200(a)(1)); the server decides, and this only chooses whether the signing form
 * shows the user ID field up front. Locking or signing out ends the continuous session.
 */
let signedBy: number | null = null;

export function rememberSigning(userId: number): void {
  signedBy = userId;
}

export function hasSignedBefore(userId: number): boolean {
  return signedBy === userId;
}

export function forgetSigning(): void {
  signedBy = null;
}
