// The facts under a bot's status: whose number it is, how good its standing is, what kind of token it has,
// when it was last checked and whether the bot's program is running.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BotView } from '../../src-main/contract';
import { relativeTime } from '../format/relative-time';
import { useNow } from '../format/use-now';
import { Ltr } from '../ui/Ltr';
import { LIFETIME_LABEL, qualityLabel } from './status-look';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt className="fact__label">{label}</dt>
      <dd className="fact__value">{children}</dd>
    </div>
  );
}

function ProcessText({ bot }: { bot: BotView }) {
  const { t } = useTranslation();
  if (bot.run.mode === 'none') return <>{t('dashboard:process.notManaged')}</>;
  switch (bot.process.state) {
    case 'running':
      return <>{t('dashboard:process.running')}</>;
    case 'stopped':
      return <>{t('dashboard:process.stopped')}</>;
    case 'unknown':
      return <>{t('dashboard:process.unknown')}</>;
  }
}

function LastCheckText({ checkedAt }: { checkedAt: string | null }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (!checkedAt) return <>{t('dashboard:lastCheck.never')}</>;
  const relative = relativeTime(checkedAt, now, i18n.language);
  return (
    <time dateTime={checkedAt} title={t('dashboard:dateTime', { date: checkedAt })}>
      {relative ?? t('dashboard:lastCheck.justNow')}
    </time>
  );
}

export function BotFacts({ bot }: { bot: BotView }) {
  const { t } = useTranslation();
  const diagnosis = bot.lastDiagnosis;
  const phone = diagnosis?.phone ?? null;
  const unknown = t('dashboard:facts.unknown');

  return (
    <dl className="facts">
      <Fact label={t('dashboard:facts.verifiedName')}>{phone?.verifiedName ? <bdi>{phone.verifiedName}</bdi> : unknown}</Fact>
      <Fact label={t('dashboard:facts.number')}>
        {phone?.displayPhoneNumber ? <Ltr>{phone.displayPhoneNumber}</Ltr> : unknown}
      </Fact>
      <Fact label={t('dashboard:facts.quality')}>{phone ? t(qualityLabel(phone.qualityRating)) : unknown}</Fact>
      <Fact label={t('dashboard:facts.tokenType')}>{diagnosis ? t(LIFETIME_LABEL[diagnosis.tokenLifetime]) : unknown}</Fact>
      <Fact label={t('dashboard:facts.expiryDate')}>
        {diagnosis?.neverExpires
          ? t('dashboard:expiry.never')
          : diagnosis?.expiresAt
            ? t('dashboard:dateTime', { date: diagnosis.expiresAt })
            : unknown}
      </Fact>
      <Fact label={t('dashboard:facts.token')}>{bot.maskedToken ? <Ltr>{bot.maskedToken}</Ltr> : t('dashboard:facts.noToken')}</Fact>
      <Fact label={t('dashboard:facts.lastCheck')}>
        <LastCheckText checkedAt={bot.lastCheckedAt} />
      </Fact>
      <Fact label={t('dashboard:facts.process')}>
        <ProcessText bot={bot} />
      </Fact>
    </dl>
  );
}
