// `npm run server -- --port P --data DIR [--demo] [--config FILE]` (server/config/load.ts
// lists every flag). A bad setting stops here with a message naming it; exit code 2.
import { format, serverMessages } from '../shared/index';
import { startServer } from './app';
import { loadConfig } from './config/load';
import { ConfigError } from './config/resolve';
import { demoPassword, demoUsers } from './demo/users';

const m = serverMessages.start;

async function main(): Promise<void> {
  const config = loadConfig(process.argv.slice(2));
  const server = await startServer(config);
  // Before anything is printed: whoever reads the output (npm start, a service manager,
  // a test) may stop the server the moment it says it listens.
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(format(m.listening, { url: server.url }));
  console.log(format(m.dataDir, { dir: config.dataDir }));
  if (server.initialAdmin) console.log(format(m.initialAdmin, server.initialAdmin));
  if (server.demo) {
    console.log(server.demo.loaded ? format(m.demoLoaded, { persons: server.demo.persons, documents: server.demo.documents }) : m.demoKept);
    console.log(format(m.demoMode, { password: demoPassword }));
    for (const user of demoUsers) console.log(`  ${user.id.padEnd(12)} ${user.displayName}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  const reason = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? (error as Error).message : ((error as Error).stack ?? String(error));
  console.error(format(m.failed, { reason }));
  process.exit(1);
});
