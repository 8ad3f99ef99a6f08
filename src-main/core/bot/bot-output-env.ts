// What a managed bot's environment needs so its log is readable and current. Python writing to a file (our log)
// buffers whole blocks and, on Windows, encodes in the ANSI code page: an emoji in print() then raises
// UnicodeEncodeError, Turkish letters come out wrong, and Meta's error stays in the buffer where the health
// check cannot see it. The owner's own choice, if their environment already has one, wins.
const READABLE_OUTPUT: Readonly<Record<string, string>> = {
  PYTHONUNBUFFERED: '1',
  PYTHONIOENCODING: 'utf-8',
};

export function withReadableOutput(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const result = { ...env };
  // Windows' variable names ignore case (a copied environment no longer does).
  const present = new Set(Object.keys(result).map((name) => name.toUpperCase()));
  for (const [name, value] of Object.entries(READABLE_OUTPUT)) {
    if (!present.has(name)) result[name] = value;
  }
  return result;
}
