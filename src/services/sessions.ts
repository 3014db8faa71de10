import type { Handlers } from './context';
import { sessionChartingHandlers } from './sessions-charting';
import { sessionReadHandlers } from './sessions-read';
import { sessionSignHandlers } from './sessions-sign';
import { sessionStartHandlers } from './sessions-start';

export const sessionHandlers: Handlers<
  | 'sessions.start'
  | 'sessions.addEntry'
  | 'sessions.correct'
  | 'sessions.sign'
  | 'sessions.get'
  | 'sessions.status'
  | 'sessions.list'
> = {
  ...sessionStartHandlers,
  ...sessionChartingHandlers,
  ...sessionSignHandlers,
  ...sessionReadHandlers,
};
