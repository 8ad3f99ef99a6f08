// Where the Meta app's ID and secret are: a sentence with Meta's labels, the button that opens that page, and a
// drawing of it with the places to look. Settings and the wizard's last step show the same.
import { useTranslation } from 'react-i18next';
import { MetaScreen } from '../meta-screens/MetaScreen';
import type { MetaScreenSpec } from '../meta-screens/screen-spec';
import { OpenMetaButton } from '../ui/OpenMetaButton';
import '../styles/app-credentials.css';

/** Where Meta shows the app's ID and secret: the app's Settings → Basic page. */
const WHERE_CREDENTIALS_ARE: MetaScreenSpec = {
  kind: 'appBasicSettings',
  callouts: [
    { target: 'menu', say: 'screens:say.appSettingsMenu' },
    { target: 'appId', say: 'screens:say.copyAppId' },
    { target: 'showSecret', say: 'screens:say.showSecret' },
  ],
};

/** `text`: the sentence for where the owner is (the wizard adds "the app you chose under “Generate token”"). */
export function CredentialsWhere({ text, botId }: { text: string; botId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="credentials__where">
      <p>{text}</p>
      <OpenMetaButton page="app_basic_settings" botId={botId} label={t('settings:credentials.open')} />
      <MetaScreen spec={WHERE_CREDENTIALS_ARE} alt={t('settings:credentials.alt')} className="credentials__picture" />
    </div>
  );
}
