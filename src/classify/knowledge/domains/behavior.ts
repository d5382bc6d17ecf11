/** What a person did in an application or on a site: events, page views, searches, clicks, activity. */
import type { DomainEntry } from './types.js';

export const behavior: DomainEntry = {
  key: 'behavior',
  label: 'behavioural',
  category: 'user.behavior',
  score: 0.55,
  covers: ['lookup', 'text'],
  words: {
    en: ['pageview', 'click', 'search', 'activity', 'tracking', 'analytics', 'impression', 'interaction', 'clickstream', 'telemetry', 'footprint', 'browsing', 'viewed'],
    de: ['suche', 'aktivitaet', 'verlauf'],
    fr: ['recherche', 'activite', 'historique'],
    es: ['busqueda', 'actividad', 'historial'],
    pt: ['busca', 'pesquisa', 'atividade', 'historico'],
    it: ['ricerca', 'attivita', 'cronologia'],
    nl: ['zoekopdracht', 'activiteit'],
  },
  sharedWords: { en: ['event', 'log', 'visit', 'history', 'view', 'session', 'action', 'audit'] },
};
