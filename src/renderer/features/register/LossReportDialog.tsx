import { discrepancyCategoryLabels } from '../../../domain/register';
import type { DiscrepancyCategory } from '../../../domain/register';
import { useApi } from '../../app/sign-in-context';
import { SignDocumentDialog } from './SignDocumentDialog';
import { savedDocumentMessage } from './register-document';

/** The information DEA Form 106 asks for, about one discrepancy written off, signed by whoever produces it. */
export function LossReportDialog({
  countEntryId,
  containerLabel,
  category,
  onClose,
  onDone,
}: {
  countEntryId: number;
  containerLabel: string;
  category: DiscrepancyCategory;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const api = useApi();
  return (
    <SignDocumentDialog
      title={`Form 106 information for ${containerLabel}`}
      action="Sign and save the PDF"
      produce={(signer) => api.call('register.lossReport', { countEntryId, ...signer })}
      onClose={onClose}
      onDone={(document) => onDone(savedDocumentMessage(document))}
    >
      <p>
        What the register knows of the discrepancy in {containerLabel} (count entry {countEntryId}), explained as{' '}
        <strong>{discrepancyCategoryLabels[category]}</strong>, for DEA Form 106. What the ledger does not know is left
        as labelled blanks to fill in.
      </p>
    </SignDocumentDialog>
  );
}
