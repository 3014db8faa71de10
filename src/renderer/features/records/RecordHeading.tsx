import { useEffect, useRef } from 'react';
import type { RecordVersionView } from '../../../domain/record-view';
import { usePageTitle } from '../../lib/use-page-title';
import { StatusWord } from '../../components/StatusWord';

/** The record's one h1, with its state in words and its version; focused when the screen opens. */
export function RecordHeading({
  title,
  version,
  pageTitle,
}: {
  title: string;
  version: RecordVersionView;
  pageTitle: string;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  usePageTitle(pageTitle);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="record-heading">
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
      <p className="record-meta">
        <StatusWord status={version.displayStatus} />
        <span className="record-version">Version {version.version}</span>
      </p>
    </div>
  );
}
