#!/usr/bin/env python3
"""A stand-in for a Python WhatsApp bot (Flask/FastAPI style), for tests.

Reads `.env` from its working folder once at start (like python-dotenv's load_dotenv(): a variable already
set in the environment wins), then runs until stopped. Never prints the token itself.

    python3 test/bots/env_bot.py [--token-var NAME] [--report FILE]

--token-var NAME  the token's variable (default: first set of WHATSAPP_TOKEN, META_ACCESS_TOKEN, ACCESS_TOKEN)
--report FILE     JSON written once at start: {pid, cwd, tokenVar, tokenSha256, tokenLength, runtime: "python"}
stdout: "env_bot.py: loaded <VAR> sha256=<hash>" then "env_bot.py: ready". Exits on SIGTERM.
"""
import hashlib
import json
import os
import re
import sys
import time

DEFAULT_VARS = ["WHATSAPP_TOKEN", "META_ACCESS_TOKEN", "ACCESS_TOKEN"]


def option(flag):
    if flag in sys.argv and sys.argv.index(flag) + 1 < len(sys.argv):
        return sys.argv[sys.argv.index(flag) + 1]
    return None


def load_dotenv(path=".env"):
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return
    values = {}
    for line in lines:
        match = re.match(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$", line)
        if not match:
            continue
        value = match.group(2).strip()
        if value[:1] in ("'", '"') and value.find(value[0], 1) > 0:
            value = value[1 : value.find(value[0], 1)]
        else:
            value = re.sub(r"\s+#.*$", "", value)
        values[match.group(1)] = value
    for key, value in values.items():
        os.environ.setdefault(key, value)


load_dotenv()
token_var = option("--token-var") or next((name for name in DEFAULT_VARS if os.environ.get(name)), DEFAULT_VARS[0])
token = os.environ.get(token_var) or None
digest = hashlib.sha256(token.encode()).hexdigest() if token else None
print(f"env_bot.py: loaded {token_var} sha256={digest or 'none'}", flush=True)

report_file = option("--report")
if report_file:
    report = {
        "pid": os.getpid(),
        "cwd": os.getcwd(),
        "tokenVar": token_var,
        "tokenSha256": digest,
        "tokenLength": len(token) if token else 0,
        "runtime": "python",
    }
    with open(report_file + ".tmp", "w", encoding="utf-8") as handle:
        json.dump(report, handle)
    os.replace(report_file + ".tmp", report_file)

print("env_bot.py: ready", flush=True)
while True:
    time.sleep(60)
