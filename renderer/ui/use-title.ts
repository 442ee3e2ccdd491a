import { useEffect } from 'react';
import { uiMessages } from '../../shared/index';

/** Each screen names itself in the window title, which screen readers announce first. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title}${uiMessages.app.titleSuffix}`;
  }, [title]);
}
