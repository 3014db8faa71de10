/** Checking a signed PDF touches no database: adapters reach the verifier through here. */
export { verifyPdf, type PdfVerification, type VerificationCheck } from '../signing/verify-pdf';
