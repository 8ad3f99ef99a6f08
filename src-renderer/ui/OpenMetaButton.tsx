// A button that opens one of Meta's pages in the owner's browser (main knows the address and fills in the
// app and business ids). The browser often opens behind the app, so a click always answers on screen: "opened
// in your browser" (and where to look), or why it did not open.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetaPage, UserMessage } from '../../src-main/contract';
import { useStores } from '../stores/stores';
import { toUserMessage } from '../stores/user-message';
import { Icon } from './Icon';
import { Message } from './Message';
import { Spinner } from './Spinner';

interface OpenMetaButtonProps {
  page: MetaPage;
  botId?: string;
  label: string;
  primary?: boolean;
}

type Outcome = { state: 'idle' } | { state: 'opening' } | { state: 'opened' } | { state: 'failed'; error: UserMessage };

export function OpenMetaButton({ page, botId, label, primary = false }: OpenMetaButtonProps) {
  const { t } = useTranslation();
  const { doctor } = useStores();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  async function open() {
    setOutcome({ state: 'opening' });
    try {
      await doctor.openMetaPage(botId ? { page, botId } : { page });
      setOutcome({ state: 'opened' });
    } catch (failure) {
      setOutcome({ state: 'failed', error: toUserMessage(failure) });
    }
  }

  return (
    <div className="open-meta">
      <button
        type="button"
        className={primary ? 'button button--primary' : 'button'}
        disabled={outcome.state === 'opening'}
        onClick={() => void open()}
      >
        {outcome.state === 'opening' && <Spinner />}
        {label}
        <Icon name="external" />
      </button>
      <div aria-live="polite">
        {outcome.state === 'opened' && (
          <p className="open-meta__opened">
            <Icon name="check" className="open-meta__icon" />
            <span>{t('common:openedInBrowser')}</span>
          </p>
        )}
        {outcome.state === 'failed' && (
          <p className="field__error" role="alert">
            <Message message={outcome.error} />
          </p>
        )}
      </div>
    </div>
  );
}
