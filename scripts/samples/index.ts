import type { Sample } from './types';
import { sample as s01 } from './s01-compliant-final';
import { sample as s02 } from './s02-interim-behind';
import { sample as s03 } from './s03-budget-ledger';
import { sample as s04 } from './s04-staff-kpi';
import { sample as s05 } from './s05-format-drift';
import { sample as s06 } from './s06-interim-earlier';

export const SAMPLES: Sample[] = [s01, s02, s03, s04, s05, s06];
