// The reference: opening_hours.js evaluates "VALUE<TAB>YYYY-MM-DDTHH:MM" lines from stdin and prints
// open / closed / unknown / error, one line each. Run with TZ set to the bundle's time zone; the
// location is Aachen's (for sunrise and sunset) and the holidays are North Rhine-Westphalia's.
'use strict';
const path = process.argv[2];
const OpeningHours = require(require.resolve('opening_hours', {paths: [path]}));
// Nominatim gives coordinates as strings; the reference ignores numbers (and then uses 06:00/18:00).
const nominatim = {lat: '50.7753', lon: '6.0839', address: {country_code: 'de', state: 'Nordrhein-Westfalen'}};
const cache = new Map();
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const out = [];
for (const line of lines) {
  if (!line) continue;
  const tab = line.lastIndexOf('\t');
  const value = line.slice(0, tab);
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(line.slice(tab + 1));
  let oh = cache.get(value);
  if (oh === undefined) {
    try {
      oh = new OpeningHours(value, nominatim, {mode: 0});
    } catch (e) {
      oh = null;
    }
    cache.set(value, oh);
  }
  if (oh === null || !m) {
    out.push('error');
    continue;
  }
  const date = new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  out.push(oh.getUnknown(date) ? 'unknown' : oh.getState(date) ? 'open' : 'closed');
}
process.stdout.write(out.join('\n') + '\n');
