// What was found in the bot's folder, in three lines an owner can check at a glance: where the token is, how
// the bot starts, which WhatsApp number. Values (paths, names, commands, ids) read left to right everywhere.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BotDetection } from '../../src-main/contract';
import { Icon, type IconName } from '../ui/Icon';
import { Ltr } from '../ui/Ltr';

/** The .env's path as the owner sees it in their folder: `backend/.env` rather than the whole path. */
export function insideFolder(path: string, folder: string): string {
  for (const separator of ['/', '\\']) {
    const prefix = folder.endsWith(separator) ? folder : `${folder}${separator}`;
    if (path.startsWith(prefix)) return path.slice(prefix.length);
  }
  return path;
}

function Line({ icon, label, children }: { icon: IconName; label: string; children: ReactNode }) {
  return (
    <div className="found__line">
      <Icon name={icon} />
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function FoundSummary({ detection }: { detection: BotDetection }) {
  const { t } = useTranslation();
  const start = detection.start[0];
  return (
    <dl className="found">
      <Line icon="key" label={t('onboarding:review.found.token')}>
        {detection.envFile && detection.tokenVariable ? (
          <>
            <Ltr>{insideFolder(detection.envFile, detection.folder)}</Ltr>
            <span className="found__separator"> · </span>
            <code>
              <Ltr>{detection.tokenVariable}</Ltr>
            </code>
            {detection.maskedToken && (
              <span className="found__muted">
                {' '}
                (<Ltr>{detection.maskedToken}</Ltr>)
              </span>
            )}
          </>
        ) : (
          t('onboarding:review.found.notFound')
        )}
      </Line>
      <Line icon="play" label={t('onboarding:review.found.start')}>
        {start ? (
          <>
            <code>
              <Ltr>{start.command}</Ltr>
            </code>
            {/* Proposed only on Windows; said here so that no one connects a bot to PowerShell without seeing it. */}
            {detection.shell.shell === 'powershell' && <span className="found__muted"> {t('onboarding:review.found.inPowerShell')}</span>}
          </>
        ) : (
          t('onboarding:review.found.startYourself')
        )}
      </Line>
      <Line icon="phone" label={t('onboarding:review.found.number')}>
        {detection.phoneNumberId ? (
          <>
            {t('onboarding:form.phoneNumberId')} <Ltr>{detection.phoneNumberId.value}</Ltr>
          </>
        ) : (
          t('onboarding:review.found.numberMissing')
        )}
      </Line>
    </dl>
  );
}
