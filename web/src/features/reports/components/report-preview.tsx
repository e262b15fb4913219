import { useTranslation } from 'react-i18next';

/**
 * The report exactly as the HTML export renders it, in a frame that runs no script: client email text is inside.
 * Same origin (the frame's links to the original emails use the session); popups open the downloads.
 */
export function ReportPreview({ html }: { html: string }) {
  const { t } = useTranslation();
  return (
    <iframe
      title={t('reports.preview.frame')}
      className="report-preview"
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"
      referrerPolicy="no-referrer"
      srcDoc={html}
    />
  );
}
