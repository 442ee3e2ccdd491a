// What a new password must be: long enough (config), and never the demo password.
import { fieldLabel, format, serverMessages } from '../../shared/index';
import type { ServerConfig } from '../config/schema';
import { invalidField } from '../http/errors';
import { demoPassword } from './login';

/** Throws a 400 naming `field` when the password may not be set. */
export function assertAcceptablePassword(password: string, config: ServerConfig, labels: string, field: string): void {
  const label = fieldLabel(labels, field);
  if (password === demoPassword) throw invalidField(field, serverMessages.auth.passwordIsDemo);
  if ([...password].length < config.passwordMinLength) {
    throw invalidField(field, format(serverMessages.auth.passwordTooShort, { field: label, min: config.passwordMinLength }), 'minLength');
  }
}
