'use strict';
// The Node port of the domain answers what services/domain answers: random sequences, zones, lookups, /cpu hits,
// downstream answers taken or refused.
const test = require('node:test');
const assert = require('node:assert/strict');
const vectors = require('./vectors');
const { SplittableRandom } = require('../src/geofence/splittable-random');
const { city, geofenceAnswer } = require('../src/geofence/zones');
const { runCpuWork } = require('../src/cpu/cpu-work');
const { parse, inventory, price, shipping, WrongShape } = require('../src/quote/answers');

const hex = ([hi, lo]) => `0x${hi.toString(16).padStart(8, '0')}${lo.toString(16).padStart(8, '0')}`;
const cities = new Map();
const cityOf = (vertices) => cities.get(vertices) ?? cities.set(vertices, city(vertices)).get(vertices);

test('SplittableRandom gives Java\'s sequence for every seed', () => {
  for (const { seed, nextLong, nextDouble } of vectors.random) {
    const longs = new SplittableRandom(BigInt.asIntN(64, BigInt(seed)));
    assert.deepEqual(nextLong.map(() => hex(longs.nextLong())), nextLong, `seed ${seed}`);
    const doubles = new SplittableRandom(BigInt.asIntN(64, BigInt(seed)));
    assert.deepEqual(nextDouble.map(() => doubles.nextDouble()), nextDouble, `seed ${seed}`);
  }
});

test('zones are generated bit for bit as domain generates them', () => {
  for (const { vertices, edges, sample } of vectors.zones) {
    const zones = cityOf(vertices);
    assert.equal(zones.edges, edges);
    for (const { index, id, lats, lons } of sample) {
      assert.equal(zones.zones[index].id, id);
      assert.deepEqual(Array.from(zones.zones[index].lats), lats, `${id} of ${vertices}`);
      assert.deepEqual(Array.from(zones.zones[index].lons), lons, `${id} of ${vertices}`);
    }
  }
});

test('every geofence lookup names the zone domain names', () => {
  for (const { vertices, lat, lon, zone, edgesScanned } of vectors.geofence) {
    const answer = geofenceAnswer(cityOf(vertices), { lat, lon });
    assert.equal(answer.zone ?? null, zone, `${lat},${lon} with ${vertices} vertices`);
    assert.equal(answer.edgesScanned, edgesScanned);
  }
});

test('cpu work hits as many zones as domain\'s', () => {
  for (const { vertices, work, hits } of vectors.cpu) {
    assert.deepEqual(runCpuWork(cityOf(vertices), work), { work, hits }, `work ${work}, ${vertices} vertices`);
  }
});

test('downstream answers are taken or refused as domain takes or refuses them', () => {
  const read = { inventory, price, shipping };
  assert.ok(vectors.answers.length > 0, 'answers in the vectors');
  for (const { call, body, bodyBase64, answer, error } of vectors.answers) {
    // a body is its bytes: UTF-8 text, or base64 when they are not UTF-8
    const bytes = bodyBase64 === undefined ? Buffer.from(body, 'utf8') : Buffer.from(bodyBase64, 'base64');
    const what = `${call} ${body ?? bodyBase64}`;
    if (error !== undefined) {
      assert.throws(() => read[call](parse(bytes)), (e) => e instanceof WrongShape && e.message === error, what);
    } else {
      assert.deepEqual(read[call](parse(bytes)), answer, what);
    }
  }
});
