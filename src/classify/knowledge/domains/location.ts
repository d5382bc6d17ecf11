/** Where a person was: positions, GPS fixes, check-ins, trips. */
import type { DomainEntry } from './types.js';

export const location: DomainEntry = {
  key: 'location',
  label: 'location tracking',
  category: 'user.location.precise',
  score: 0.6,
  covers: ['quantity', 'code', 'text'],
  words: {
    en: ['position', 'gps', 'trackpoint', 'geolocation', 'checkin', 'trip', 'waypoint', 'geofence', 'whereabouts', 'locating'],
    de: ['standort', 'fahrt', 'ortung'],
    fr: ['trajet', 'geolocalisation'],
    es: ['ubicacion', 'viaje', 'trayecto'],
    pt: ['localizacao', 'viagem', 'trajeto'],
    it: ['posizione', 'viaggio', 'tragitto'],
    nl: ['positie', 'rit'],
  },
  sharedWords: { en: ['location', 'track', 'route', 'ride'] },
};
