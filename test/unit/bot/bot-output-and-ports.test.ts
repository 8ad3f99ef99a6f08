// What a managed bot inherits so its log is readable, and which ports its settings name.
import { describe, expect, it } from 'vitest';
import { botPorts } from '../../../src-main/core/bot/bot-ports';
import { withReadableOutput } from '../../../src-main/core/bot/bot-output-env';

describe('withReadableOutput', () => {
  it('asks Python for UTF-8, unbuffered output', () => {
    expect(withReadableOutput({ PATH: '/usr/bin' })).toEqual({ PATH: '/usr/bin', PYTHONUNBUFFERED: '1', PYTHONIOENCODING: 'utf-8' });
  });

  it("keeps the owner's own choice, whatever the case of its name (Windows ignores it)", () => {
    expect(withReadableOutput({ PYTHONIOENCODING: 'cp1254', PythonUnbuffered: '' })).toEqual({ PYTHONIOENCODING: 'cp1254', PythonUnbuffered: '' });
  });
});

describe('botPorts', () => {
  it('reads PORT-style variables and a local health URL', () => {
    const env = new Map([
      ['PORT', '5000'],
      ['FLASK_RUN_PORT', ' 8000 '],
      ['SUPPORT_PHONE', '905551112233'],
      ['WEBHOOK_PORT', 'eighty'],
    ]);
    expect(botPorts(env, 'http://127.0.0.1:3000/health')).toEqual([5000, 8000, 3000]);
    expect(botPorts(new Map(), 'http://localhost/health')).toEqual([80]);
  });

  it('ignores a health URL on another machine and ports out of range', () => {
    expect(botPorts(new Map([['PORT', '70000']]), 'https://bot.example.com:8443/health')).toEqual([]);
  });
});
