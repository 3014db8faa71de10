/** Labels of a course review's fields, for the changes between versions and saves elsewhere. */
export const reviewLabels: Readonly<Record<string, string>> = {
  planRecordId: 'Plan reviewed',
  reviewDate: 'Review date',
  outcome: 'Outcome',
  decision: 'Decision',
  maintenanceIntervalDays: 'Interval between maintenance infusions (days)',
  reason: 'Reason for the decision',
  notes: 'Notes',
};
