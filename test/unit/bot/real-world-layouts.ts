// Folder layouts of the real bots in test/fixtures/real-world/start-commands.json: just enough files to show how
// each one is started, and the start proposal we expect first (on Linux).
export interface RealWorldLayout {
  /** The `repo` field of start-commands.json this layout stands for. */
  repo: string;
  files: Record<string, string>;
  expect: { command: string; kind: string; cwd?: string };
  /** Words the corpus entry's command (or notes) uses too, tying the expectation to the corpus. */
  corpusMentions: string;
}

const pkg = (scripts: Record<string, string>, extra: object = {}) => JSON.stringify({ name: 'bot', scripts, ...extra }, null, 2);
const flaskMain = (run: string) => `from flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    ${run}\n`;

export const REAL_WORLD_LAYOUTS: readonly RealWorldLayout[] = [
  {
    repo: 'daveebbelaar/python-whatsapp-bot',
    files: {
      'run.py': 'import logging\nfrom app import create_app\n\napp = create_app()\n\nif __name__ == "__main__":\n    logging.info("Flask app started")\n    app.run(host="0.0.0.0", port=8000)\n',
      'app/__init__.py': 'from flask import Flask\nfrom app.config import load_configurations\n\ndef create_app():\n    app = Flask(__name__)\n    load_configurations(app)\n    return app\n',
      'app/config.py': 'import os\nfrom dotenv import load_dotenv\n\ndef load_configurations(app):\n    load_dotenv()\n    app.config["ACCESS_TOKEN"] = os.getenv("ACCESS_TOKEN")\n',
      'requirements.txt': 'flask\npython-dotenv\nrequests\n',
      'example.env': 'ACCESS_TOKEN=""\n',
    },
    expect: { command: 'python3 run.py', kind: 'python-script' },
    corpusMentions: 'python run.py',
  },
  {
    repo: 'AbdulMannan19/XIT--Law-Firm-AI',
    files: {
      'app.py': flaskMain('app.run(port=5000, debug=True)'),
      'dependencies.py': 'import os\nfrom dotenv import load_dotenv\nload_dotenv()\nACCESS_TOKEN = os.getenv("ACCESS_TOKEN")\n',
      '.env': 'ACCESS_TOKEN=EAAfake\n',
      '.venv/bin/python': '',
      '.venv/pyvenv.cfg': 'home = /usr/bin\n',
    },
    expect: { command: '.venv/bin/python app.py', kind: 'python-script' },
    corpusMentions: 'python app.py',
  },
  {
    repo: 'fbsamples/whatsapp-business-jaspers-market',
    files: {
      'package.json': pkg({ start: 'node app.js' }),
      'app.js': "require('./services/config');\n",
      'services/config.js': "require('dotenv').config();\nmodule.exports = Object.freeze({ accessToken: process.env.ACCESS_TOKEN });\n",
      '.sample.env': 'ACCESS_TOKEN=\n',
    },
    expect: { command: 'npm start', kind: 'npm-script' },
    corpusMentions: '"start": "node app.js"',
  },
  {
    repo: 'Dalmail/whatsapp-cloud-api-bot',
    files: { 'package.json': pkg({ start: 'node index.js' }), 'index.js': "require('dotenv').config();\n", '.env': 'WHATSAPP_TOKEN=x\n' },
    expect: { command: 'npm start', kind: 'npm-script' },
    corpusMentions: 'npm start',
  },
  {
    repo: 'Lakshman-DevOps-25/whatsapp-webhook-service',
    files: {
      'package.json': pkg({ start: 'node src/index.js', dev: 'node --watch src/index.js' }),
      'src/index.js': "require('dotenv').config();\n",
      'render.yaml': 'services:\n  - type: web\n',
      '.env': 'WHATSAPP_ACCESS_TOKEN=x\n',
    },
    expect: { command: 'npm start', kind: 'npm-script' },
    corpusMentions: 'npm start',
  },
  {
    repo: 'Lakshman-DevOps-25/whatsapp-cloud-capture',
    files: {
      'docker-compose.yml': 'services:\n  mongodb:\n    image: mongo:7\n    ports: ["27017:27017"]\n  minio:\n    image: minio/minio\n    command: server /data\n',
      'package.json': pkg({ start: 'node src/app.js', dev: 'nodemon src/app.js' }),
      'src/app.js': "import 'dotenv/config';\n",
      '.env': 'WHATSAPP_TOKEN=x\n',
    },
    expect: { command: 'npm start', kind: 'npm-script' },
    corpusMentions: 'npm start',
  },
  {
    repo: 'harypalkar/whatsapp-cloud-api-poc',
    files: {
      'docker-compose.yml':
        'services:\n  app:\n    build: .\n    ports:\n      - "8080:8080"\n    environment:\n      WHATSAPP_TOKEN: ${WHATSAPP_TOKEN:-your-access-token}\n  db:\n    image: postgres:16\n',
      Dockerfile: 'FROM eclipse-temurin:21-jre\nCOPY target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      'pom.xml': '<project></project>\n',
      '.env.example': 'WHATSAPP_TOKEN=\n',
    },
    expect: { command: 'docker compose up -d --force-recreate app', kind: 'docker-compose' },
    corpusMentions: 'docker compose up -d app',
  },
  {
    repo: 'manojkumar3692/hoe-whatsapp-cloud-api-starter',
    files: {
      'package.json': pkg({ dev: 'next dev', build: 'next build', start: 'next start' }),
      'app/api/webhook/route.ts': 'export async function POST() {}\n',
      '.env.example': 'META_WHATSAPP_TOKEN=\n',
      'vercel.json': '{}\n',
    },
    expect: { command: 'npm run dev', kind: 'npm-script' },
    corpusMentions: 'npm run dev',
  },
  {
    repo: 'iginius-brando/whatsapp-cloud-api',
    files: {
      'package.json': pkg({ dev: 'next dev', build: 'next build', start: 'next start' }),
      'apphosting.yaml': 'env: []\n',
      '.env.local.example': 'WHATSAPP_TOKEN=\n',
    },
    expect: { command: 'npm run dev', kind: 'npm-script' },
    corpusMentions: 'npm run dev',
  },
  {
    repo: 'MrNote11/WhatAPI',
    files: {
      'manage.py': '#!/usr/bin/env python\nimport os, sys\n\nif __name__ == "__main__":\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "WhatApi.settings")\n',
      'WhatApi/__init__.py': '',
      'WhatApi/settings.py': 'import os\nfrom dotenv import load_dotenv\nload_dotenv()\nWHATSAPP_TOKEN = os.getenv("WHATSAPP_TOKEN")\n',
      'WhatApi/.env': 'WHATSAPP_TOKEN=x\n',
      'WhatApi/wsgi.py': 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
      'venv/bin/python': '',
    },
    expect: { command: 'venv/bin/python manage.py runserver', kind: 'django' },
    corpusMentions: 'python manage.py runserver',
  },
  {
    repo: 'sami2515/whatsapp-webhook',
    files: {
      'package.json': pkg({ dev: 'vite', build: 'vite build', preview: 'vite preview' }),
      '.env': 'VITE_WHATSAPP_TOKEN=x\n',
      'vercel.json': '{}\n',
      'backend/package.json': pkg({ start: 'node server.js', dev: 'nodemon server.js' }),
      'backend/server.js': "require('dotenv').config();\n",
      'backend/.env': 'WHATSAPP_TOKEN=x\n',
    },
    expect: { command: 'npm start', kind: 'npm-script', cwd: 'backend' },
    corpusMentions: 'cd backend && npm start',
  },
  {
    repo: 'tars47/meta-whatsapp-service',
    files: {
      'package.json': pkg({ start: 'nodemon --exec ts-node src/Server.ts', build: 'tsc' }),
      Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY .env ./\nCOPY dist ./dist\nCMD ["node", "dist/Server.js"]\n',
      'cloudbuild.yaml': 'steps: []\n',
      'src/Server.ts': 'import dotenv from "dotenv";\ndotenv.config();\n',
      '.env': "WHATSAPP_SYS_USER_ACCESS_TOKEN = 'x'\n",
    },
    expect: { command: 'npm start', kind: 'npm-script' },
    corpusMentions: 'npm run start',
  },
  {
    repo: 'ankur09868/whatsapp_bot_server',
    files: {
      'package.json': pkg({ start: 'pm2-runtime pm2.config.json' }),
      'pm2.config.json': JSON.stringify({ apps: [{ name: 'server', script: 'server.js', watch: false }, { name: 'worker', script: 'queues/worker.js', watch: false }] }),
      'start.sh': '#!/bin/sh\npm2 start server.js --name server\npm2 start queues/worker.js --name worker\npm2 save\n',
      'server.js': "require('dotenv').config();\n",
      'queues/worker.js': '',
      '.env': 'SOME_PEM="-----BEGIN KEY-----\n...\n-----END KEY-----"\n',
    },
    expect: { command: 'pm2 startOrRestart pm2.config.json', kind: 'pm2' },
    corpusMentions: 'pm2.config.json',
  },
  {
    repo: 'yusuftok/whatsapp-cloudapi-webhook-ts',
    files: {
      'package.json': pkg({
        dev: 'NODE_ENV=development LOG_LEVEL=debug tsx watch src/server.ts',
        build: 'tsc -p .',
        start: 'node dist/server.js',
      }),
      'src/server.ts': 'import dotenv from "dotenv";\ndotenv.config();\n',
      '.env.example': 'WHATSAPP_TOKEN=\n',
    },
    expect: { command: 'npm run dev', kind: 'npm-script' },
    corpusMentions: 'npm run dev',
  },
  {
    repo: 'david-lev/pywa (examples/01-message-router)',
    files: {
      'main.py':
        'import os\n\nimport dotenv\n\nfrom pywa_async import WhatsApp, filters, types\n\ndotenv.load_dotenv()\n\nwa = WhatsApp(token=os.environ["WHATSAPP_TOKEN"])\n\n\n# Run with: pywa dev\n',
      '.env.example': 'WHATSAPP_TOKEN=\n',
      'README.md': '## Run\n\n    pywa dev\n',
      '.venv/bin/python': '',
      '.venv/bin/pywa': '',
    },
    expect: { command: '.venv/bin/pywa dev', kind: 'pywa' },
    corpusMentions: 'pywa dev',
  },
  {
    repo: 'tarangvaghani09/whatsapp_bot',
    files: {
      'package.json': pkg({
        preinstall: 'npx only-allow pnpm',
        dev: 'concurrently "dotenv -e .env -v PORT=8080 -- pnpm --filter @workspace/api-server run dev" "pnpm --filter @workspace/admin-dashboard run dev"',
      }),
      'pnpm-workspace.yaml': 'packages:\n  - artifacts/*\n',
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
      'artifacts/api-server/package.json': pkg({ dev: 'pnpm run build && node dist/index.mjs' }),
      '.env': 'WHATSAPP_VERIFY_TOKEN=a\nWHATSAPP_VERIFY_TOKEN=b\n',
    },
    expect: { command: 'pnpm run dev', kind: 'npm-script' },
    corpusMentions: 'pnpm run dev',
  },
  {
    repo: 'Soinekro/sorteo (Laravel, WhatsApp via config/api_wpp.php)',
    files: {
      artisan: '#!/usr/bin/env php\n<?php\n',
      'composer.json': '{"require": {"laravel/framework": "^10.0"}}\n',
      'config/api_wpp.php': "<?php return ['token' => env('API_TOKEN_WHATSAPP')];\n",
      'package.json': pkg({ dev: 'vite', build: 'vite build' }),
      '.env.example': 'APP_NAME=Laravel\n',
    },
    expect: { command: 'php artisan serve', kind: 'artisan' },
    corpusMentions: 'php artisan serve',
  },
];
