// Start proposals for Python bots: a run script, a FastAPI app under uvicorn, a pywa app, Django's manage.py,
// always with the project's own virtualenv python when it has one.
import type { UserMessage } from '../errors';
import { platformPath, scoredProposal, watcherWarning, type DetectContext, type ScoredProposal } from './detect-context';
import { quoteShellArg } from './os-commands';

/** Entry scripts, most telling first: a file named run_* exists only to start the app. */
const ENTRY_SCRIPTS: ReadonlyArray<{ file: string; score: number }> = [
  { file: 'run_flask.py', score: 82 },
  { file: 'run_server.py', score: 82 },
  { file: 'run.py', score: 80 },
  { file: 'app.py', score: 74 },
  { file: 'main.py', score: 72 },
  { file: 'bot.py', score: 70 },
  { file: 'server.py', score: 70 },
];

const VENV_FOLDERS = ['.venv', 'venv'] as const;

interface Python {
  /** How to call the interpreter from the bot's folder. */
  interpreter: string;
  /** The virtualenv folder whose python is used, if any. */
  venv: string | null;
  warnings: UserMessage[];
}

export async function detectPython(context: DetectContext): Promise<ScoredProposal[]> {
  const python = await choosePython(context);
  const proposals: ScoredProposal[] = [];
  if (context.files.has('manage.py')) {
    proposals.push(
      scoredProposal(
        context,
        {
          command: `${python.interpreter} manage.py runserver`,
          kind: 'django',
          reason: { key: 'bot:detect.reason.django' },
          reloadsEnv: false,
          warnings: [...python.warnings, watcherWarning('Django runserver')],
        },
        78,
      ),
    );
  }
  for (const entry of ENTRY_SCRIPTS) {
    if (!context.files.has(entry.file)) continue;
    const source = (await context.read(entry.file)) ?? '';
    const proposal = await proposalForScript(context, python, entry.file, source, entry.score);
    if (proposal) proposals.push(proposal);
  }
  return proposals;
}

async function proposalForScript(
  context: DetectContext,
  python: Python,
  file: string,
  source: string,
  score: number,
): Promise<ScoredProposal | null> {
  const module = file.replace(/\.py$/, '');
  const hasMainGuard = /if\s+__name__\s*==\s*['"]__main__['"]/.test(source);
  const fastApiApp = /^(\w+)\s*(?::\s*\w+\s*)?=\s*(?:fastapi\.)?FastAPI\(/m.exec(source)?.[1];
  const reloader = reloaderIn(source);
  const warnings = [...python.warnings, ...(reloader ? [watcherWarning(reloader)] : [])];
  if (hasMainGuard || /^\w[\w.]*\.run\(/m.test(source)) {
    return scoredProposal(
      context,
      {
        command: `${python.interpreter} ${file}`,
        kind: 'python-script',
        reason: { key: 'bot:detect.reason.pythonScript', params: { file } },
        reloadsEnv: false,
        warnings,
      },
      score,
    );
  }
  if (fastApiApp) {
    const uvicorn = python.venv ? `${python.interpreter} -m uvicorn` : 'uvicorn';
    return scoredProposal(
      context,
      {
        command: `${uvicorn} ${module}:${fastApiApp}`,
        kind: 'uvicorn',
        reason: { key: 'bot:detect.reason.uvicorn', params: { file, app: `${module}:${fastApiApp}` } },
        reloadsEnv: false,
        warnings,
      },
      score,
    );
  }
  if (/^\s*(?:from|import)\s+pywa(?:_async)?\b/m.test(source)) {
    const pywa = (await venvTool(context, python, 'pywa')) ?? 'pywa';
    return scoredProposal(
      context,
      {
        command: `${pywa} dev`,
        kind: 'pywa',
        reason: { key: 'bot:detect.reason.pywa', params: { file } },
        reloadsEnv: false,
        warnings: [...python.warnings, watcherWarning('pywa dev')],
      },
      score - 2,
    );
  }
  return null;
}

/** Dev reloaders restart on code changes only, and their child inherits the old token (python-dotenv#331). */
function reloaderIn(source: string): string | null {
  if (/\.run\([^)]*debug\s*=\s*True/.test(source)) return 'Flask debug';
  if (/uvicorn\.run\([^)]*reload\s*=\s*True/.test(source)) return 'uvicorn --reload';
  return null;
}

/** The venv's python (Windows `Scripts\python.exe`, elsewhere `bin/python`), else the system's. */
async function choosePython(context: DetectContext): Promise<Python> {
  const windows = context.platform === 'win32';
  const warnings: UserMessage[] = [];
  for (const venv of VENV_FOLDERS) {
    if (!context.dirs.has(venv)) continue;
    const own = windows ? platformPath('win32', venv, 'Scripts', 'python.exe') : platformPath(context.platform, venv, 'bin', 'python');
    if (await context.exists(own.replace(/\\/g, '/'))) {
      return { interpreter: quoteShellArg(own, context.platform), venv, warnings };
    }
    // A venv committed from another OS (Scripts\ on Linux, bin/ on Windows) cannot run here.
    const foreign = windows ? `${venv}/bin/python` : `${venv}/Scripts/python.exe`;
    if (await context.exists(foreign)) warnings.push({ key: 'bot:detect.warning.venvForOtherSystem', params: { folder: venv } });
  }
  return { interpreter: windows ? windowsPython(context) : 'python3', venv: null, warnings };
}

/**
 * python.org's installer leaves "Add to PATH" off but always installs the `py` launcher; a bare `python` then
 * runs the Microsoft Store stub (WindowsApps\python.exe), which opens the Store instead of the bot.
 */
function windowsPython(context: DetectContext): string {
  const python = context.findProgram('python');
  if (python !== null && !/[\\/]Microsoft[\\/]WindowsApps[\\/]python3?\.exe$/i.test(python)) return 'python';
  return context.findProgram('py') !== null ? 'py -3' : 'python';
}

async function venvTool(context: DetectContext, python: Python, tool: string): Promise<string | null> {
  if (!python.venv) return null;
  const windows = context.platform === 'win32';
  const path = windows
    ? platformPath('win32', python.venv, 'Scripts', `${tool}.exe`)
    : platformPath(context.platform, python.venv, 'bin', tool);
  return (await context.exists(path.replace(/\\/g, '/'))) ? quoteShellArg(path, context.platform) : null;
}
