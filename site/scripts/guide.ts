import { enhanceCheckers } from './checkers';
import { refreshTimelines } from './timeline';

refreshTimelines();
enhanceCheckers();
