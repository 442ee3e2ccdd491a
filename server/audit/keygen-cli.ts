// `npm run audit:keygen -- FILE`: creates the audit key that `auditKeyFile` names.
import { format, serverMessages } from '../../shared/index';
import { ConfigError } from '../config/resolve';
import { createAuditKeyFile } from './key';

const m = serverMessages.audit.key;
const [file, ...rest] = process.argv.slice(2);
if (file === undefined || rest.length > 0 || file.startsWith('-')) {
  console.error(m.usage);
  process.exit(2);
}
try {
  createAuditKeyFile(file);
  console.log(format(m.created, { file }));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(2);
}
