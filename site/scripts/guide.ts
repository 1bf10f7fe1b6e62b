import { enhanceCheckers } from './checkers';
import { rememberChecklists } from './checklists';
import { refreshTimelines } from './timeline';

refreshTimelines();
enhanceCheckers();
rememberChecklists();
