// A drawing of the Meta screen a step takes place on, with Meta's own words, the places to click ringed and
// numbered, and under it the numbered list of what to do there in the owner's language. Arabic mirrors it, as
// Meta mirrors its pages. For assistive technology the drawing is one image described by `alt`.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppBasicSettingsScreen, AppListScreen, ApiSetupScreen } from './DeveloperPages';
import { SystemUsersScreen } from './BusinessSettingsPage';
import { CalloutContext } from './parts';
import type { MetaScreenSpec, ScreenFacts } from './screen-spec';
import { AssignAssetsScreen, CreateSystemUserScreen } from './SystemUserWindows';
import { GenerateTokenScreen, TokenReadyScreen } from './TokenWindows';
import '../styles/meta-screens.css';

function Drawing({ spec, facts }: { spec: MetaScreenSpec; facts: ScreenFacts }): ReactElement {
  switch (spec.kind) {
    case 'systemUsers':
      return <SystemUsersScreen spec={spec} />;
    case 'createSystemUser':
      return <CreateSystemUserScreen />;
    case 'assignAssets':
      return <AssignAssetsScreen spec={spec} facts={facts} />;
    case 'generateToken':
      return <GenerateTokenScreen spec={spec} />;
    case 'tokenReady':
      return <TokenReadyScreen />;
    case 'appList':
      return <AppListScreen />;
    case 'apiSetup':
      return <ApiSetupScreen spec={spec} />;
    case 'appBasicSettings':
      return <AppBasicSettingsScreen />;
  }
}

interface MetaScreenProps {
  spec: MetaScreenSpec;
  alt: string;
  facts?: ScreenFacts;
  className?: string;
}

export function MetaScreen({ spec, alt, facts = { wabaId: null }, className }: MetaScreenProps) {
  const { t } = useTranslation();
  return (
    <figure className={['meta-screen', className ?? ''].filter(Boolean).join(' ')} data-screen={spec.kind}>
      <div className="meta-screen__drawing" role="img" aria-label={alt}>
        <CalloutContext.Provider value={spec.callouts}>
          <Drawing spec={spec} facts={facts} />
        </CalloutContext.Provider>
      </div>
      {spec.callouts.length > 0 && (
        <figcaption>
          <ol className="meta-screen__callouts">
            {spec.callouts.map((callout, index) => (
              <li key={callout.target}>
                <span className="meta-screen__number" aria-hidden="true">
                  {index + 1}
                </span>
                <span>{t(callout.say)}</span>
              </li>
            ))}
          </ol>
        </figcaption>
      )}
    </figure>
  );
}
