import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/button';

/** Edit and delete buttons of one contact or project row; delete asks for confirmation first. */
export function RowActions({
  kind,
  name,
  deleting,
  onEdit,
  onDelete,
}: {
  kind: 'contacts' | 'projects';
  name: string;
  deleting: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <span className="form__actions">
      <Button size="small" variant="secondary" aria-label={t(`clients.${kind}.editNamed`, { name })} onClick={onEdit}>
        {t('clients.edit')}
      </Button>
      <Button
        size="small"
        variant="danger"
        aria-label={t(`clients.${kind}.deleteNamed`, { name })}
        disabled={deleting}
        onClick={() => {
          if (window.confirm(t(`clients.${kind}.confirmDelete`, { name }))) onDelete();
        }}
      >
        {t('clients.delete')}
      </Button>
    </span>
  );
}
