'use strict';
// The /cpu knob, as services/domain's CpuWork: `work` geofence lookups of seeded pseudo-random points, nothing but
// CPU. One unit costs what one /geofence request costs, so experiments can mix the two.
const { SplittableRandom } = require('../geofence/splittable-random');
const { MIN_LAT, MAX_LAT, MIN_LON, MAX_LON } = require('../geofence/zones');

/** Runs the work; the answer counts the points that fell in a zone. */
function runCpuWork(zoneSet, work) {
  const random = new SplittableRandom(work);
  let hits = 0;
  for (let i = 0; i < work; i++) {
    const lat = MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT);
    const lon = MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON);
    if (zoneSet.lookup(lat, lon) !== null) hits++;
  }
  return { work, hits };
}

module.exports = { runCpuWork };
