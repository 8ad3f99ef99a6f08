// Test helper: the shared Meta fixtures, read at test time from ../shared/graph-api/fixtures.
import { loadFixtures } from '../../sim/fixtures';

export const fixtures = loadFixtures();

/** A realistic 200-character fake token. */
export const FAKE_TOKEN = `EAAFAKE${'x1Y2z3'.repeat(40)}`.slice(0, 200);
