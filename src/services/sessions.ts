import type { Handlers } from './context';
import { sessionChartingHandlers } from './sessions-charting';
import { sessionCourseHandlers } from './session-course';
import { sessionListHandlers } from './session-list';
import { sessionReadHandlers } from './sessions-read';
import { sessionSignHandlers } from './sessions-sign';
import { sessionStartHandlers } from './sessions-start';
import { sessionPhysicianHandlers } from './sessions-supervision';

export const sessionHandlers: Handlers<
  | 'sessions.start'
  | 'sessions.addEntry'
  | 'sessions.correct'
  | 'sessions.sign'
  | 'sessions.get'
  | 'sessions.status'
  | 'sessions.list'
  | 'sessions.page'
  | 'sessions.doses'
  | 'sessions.course'
  | 'sessions.physicians'
> = {
  ...sessionStartHandlers,
  ...sessionChartingHandlers,
  ...sessionSignHandlers,
  ...sessionReadHandlers,
  ...sessionListHandlers,
  ...sessionCourseHandlers,
  ...sessionPhysicianHandlers,
};
