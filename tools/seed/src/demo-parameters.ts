import type { DemoRecord } from './demo-record';

/** The organisation's switches, as a new installation would set them. */
export function demoParameters(): DemoRecord {
  return {
    code: 'organisation',
    name: 'Parametri organizzazione',
    explicitAcceptance: true,
    renounceReasons: [
      { code: 'CUSTOMER-ABSENT', label: 'Cliente assente' },
      { code: 'NO-ACCESS', label: 'Accesso al sito negato' },
      { code: 'MISSING-PART', label: 'Ricambio non disponibile' },
      { code: 'WRONG-SKILL', label: 'Competenze non adeguate' },
      { code: 'UNSAFE', label: 'Condizioni di sicurezza non garantite' },
    ],
    // Contracts pause their SLA clocks for "waiting-customer" unless they say otherwise.
    suspensionReasons: [
      { code: 'waiting-customer', label: 'In attesa del cliente' },
      { code: 'waiting-parts', label: 'In attesa del ricambio' },
      { code: 'no-access', label: 'Sito non accessibile' },
      { code: 'other', label: 'Altro' },
    ],
    priorities: [
      { code: 'critical', label: 'Critica', colour: '#d6336c' },
      { code: 'high', label: 'Alta', colour: '#f76707' },
      { code: 'normal', label: 'Normale', colour: '#1c7ed6' },
      { code: 'low', label: 'Bassa', colour: '#868e96' },
    ],
    slaWarningMinutes: 60,
    planningHorizonDays: 14,
    lockoutFailures: 5,
    lockoutMinutes: 15,
  };
}
