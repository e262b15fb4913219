import type { ImportRowError } from '@contracts/clients.contracts';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '@/components/ui/table';

/** Per-row problems, with the line number a spreadsheet or text editor shows. */
export function ImportErrorsTable({ errors, total }: { errors: ImportRowError[]; total: number }) {
  const { t } = useTranslation();
  const columns: Column<ImportRowError & { index: number }>[] = [
    { key: 'line', header: t('clients.import.errorLine'), isRowHeader: true, cell: (error) => (error.line > 0 ? error.line : '—') },
    {
      key: 'field',
      header: t('clients.import.errorField'),
      cell: (error) => (error.field ? t(`clients.import.fields.${error.field}`) : '—'),
    },
    {
      key: 'message',
      header: t('clients.import.errorMessage'),
      cell: (error) => (
        <span className="break">{t(`clients.import.rowErrors.${error.code}`, { value: error.value, defaultValue: error.message })}</span>
      ),
    },
  ];
  return (
    <>
      <p>{t('clients.import.errorCount', { count: total })}</p>
      <DataTable
        caption={t('clients.import.errorsCaption')}
        columns={columns}
        rows={errors.map((error, index) => ({ ...error, index }))}
        rowKey={(error) => String(error.index)}
      />
      {total > errors.length ? <p className="muted">{t('clients.import.moreErrors', { count: total - errors.length })}</p> : null}
    </>
  );
}
