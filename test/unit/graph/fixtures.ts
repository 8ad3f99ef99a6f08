// Test helper: Meta's response fixtures, read at test time from test/fixtures/graph-api.
import { loadFixtures } from '../../sim/fixtures';

export const fixtures = loadFixtures();

/** A realistic 200-character fake token. */
export const FAKE_TOKEN = `EAAFAKE${'x1Y2z3'.repeat(40)}`.slice(0, 200);
