// `npm run audit:verify -- --data DIR [--audit-key FILE] [--config FILE]`: checks the
// audit log's hash chain, and its seals when the key is given, in the server's storage
// (run it while the server is stopped, or against CouchDB at any time). Exit 0 printing
// the number of entries when intact; exit 1 naming the first bad entry; exit 2 for bad
// settings (a sealed log without its key among them).
import { format, serverMessages } from '../../shared/index';
import { loadConfig } from '../config/load';
import { ConfigError } from '../config/resolve';
import { createStorage } from '../storage/index';
import { configuredAuditKey } from './key';
import { verifyAuditChain } from './verify';

const m = serverMessages.audit;

async function main(): Promise<number> {
  const config = loadConfig(process.argv.slice(2));
  const key = configuredAuditKey(config);
  const storage = await createStorage(config.storage);
  try {
    const result = await verifyAuditChain(storage, key);
    if (result.ok) {
      console.log(format(m.verifyOk, { entries: result.entries }));
      if (!result.sealed) console.log(m.verifyUnsealed);
      return 0;
    }
    const broken = result.brokenAt;
    console.error(format(m.verifyBroken, { id: broken?.id ?? '?', seq: broken?.seq ?? '?', reason: broken ? m.breakReasons[broken.reason] : '?', entries: result.entries }));
    return 1;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error)));
    process.exit(error instanceof ConfigError ? 2 : 3);
  },
);
