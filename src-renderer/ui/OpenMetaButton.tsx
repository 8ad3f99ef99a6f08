// A button that opens one of Meta's pages in the owner's browser (main knows the address and fills in the
// app and business ids); if the browser does not open, says so instead of failing silently.
import { useState } from 'react';
import type { MetaPage, UserMessage } from '../../src-main/contract';
import { useStores } from '../stores/stores';
import { toUserMessage } from '../stores/user-message';
import { Icon } from './Icon';
import { Message } from './Message';

interface OpenMetaButtonProps {
  page: MetaPage;
  botId?: string;
  label: string;
  primary?: boolean;
}

export function OpenMetaButton({ page, botId, label, primary = false }: OpenMetaButtonProps) {
  const { doctor } = useStores();
  const [error, setError] = useState<UserMessage | null>(null);

  async function open() {
    setError(null);
    try {
      await doctor.openMetaPage(botId ? { page, botId } : { page });
    } catch (failure) {
      setError(toUserMessage(failure));
    }
  }

  return (
    <div className="open-meta">
      <button type="button" className={primary ? 'button button--primary' : 'button'} onClick={() => void open()}>
        {label}
        <Icon name="external" />
      </button>
      {error && (
        <p className="field__error" role="alert">
          <Message message={error} />
        </p>
      )}
    </div>
  );
}
