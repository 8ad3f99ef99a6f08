// No user-visible words written straight into a component: every string on screen comes from t(), so every
// language gets it.
import { describe, expect, it } from 'vitest';
import { findLiterals } from './find-literals';
import { rendererFiles } from './renderer-source';

describe('user-visible literals in components', () => {
  it('catches what it is meant to catch', () => {
    const sample = `
      export const Sample = () => (
        <div dir="ltr" className="card">
          Hello there
          {'Inline words'}
          <img alt="A picture" src="x.svg" />
          <input placeholder="Type here" aria-label={'Field'} />
          <span title="v1.0">{' — '}</span>
          <p aria-label="">{t('common:appName')}</p>
        </div>
      );`;
    const found = findLiterals('/virtual/Sample.tsx', sample).map((line) => line.replace(/^.*?: /, ''));
    expect(found).toEqual(['Hello there', 'Inline words', 'A picture', 'Type here', 'Field', 'v1.0']);
  });

  it.each(rendererFiles(['.tsx']))('%s has none', (path) => {
    expect(findLiterals(path)).toEqual([]);
  });
});
