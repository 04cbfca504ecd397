'use strict';
// java.util.SplittableRandom's sequence (nextLong, nextDouble) for a seed, bit for bit: the zones' radii and /cpu's
// points come from it. JavaScript numbers hold 53 bits, so each 64-bit value is kept as two unsigned 32-bit halves.

const GOLDEN_GAMMA_HI = 0x9e3779b9;
const GOLDEN_GAMMA_LO = 0x7f4a7c15;
const TWO_32 = 4294967296;

class SplittableRandom {
  /** @param {number|bigint} seed a safe integer (the domain seeds with 42 and a /cpu request's work), or any long */
  constructor(seed) {
    const bits = BigInt.asUintN(64, BigInt(seed));
    this.hi = Number(bits >> 32n);
    this.lo = Number(bits & 0xffffffffn);
  }

  /** The next 64-bit value as [hi, lo], each an unsigned 32-bit number. */
  nextLong() {
    const lo = this.lo + GOLDEN_GAMMA_LO;
    this.hi = (this.hi + GOLDEN_GAMMA_HI + (lo >= TWO_32 ? 1 : 0)) >>> 0;
    this.lo = lo >>> 0;
    return mix64(this.hi, this.lo);
  }

  /** A double in [0, 1): the top 53 bits of nextLong, scaled. */
  nextDouble() {
    const [hi, lo] = this.nextLong();
    return (hi * 2097152 + (lo >>> 11)) * 1.1102230246251565e-16; // 2^21, 2^-53
  }
}

// z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9; z = (z ^ (z >>> 27)) * 0x94d049bb133111eb; z ^ (z >>> 31)
function mix64(hi, lo) {
  [hi, lo] = xorShiftRight(hi, lo, 30);
  [hi, lo] = multiply(hi, lo, 0xbf58476d, 0x1ce4e5b9);
  [hi, lo] = xorShiftRight(hi, lo, 27);
  [hi, lo] = multiply(hi, lo, 0x94d049bb, 0x133111eb);
  return xorShiftRight(hi, lo, 31);
}

/** z ^ (z >>> n) for 0 < n < 32. */
function xorShiftRight(hi, lo, n) {
  return [(hi ^ (hi >>> n)) >>> 0, (lo ^ ((lo >>> n) | (hi << (32 - n)))) >>> 0];
}

/** The low 64 bits of a 64 × 64-bit product, from 16-bit pieces whose products are exact in a double. */
function multiply(aHi, aLo, bHi, bLo) {
  const a0 = aLo & 0xffff;
  const a1 = aLo >>> 16;
  const b0 = bLo & 0xffff;
  const b1 = bLo >>> 16;
  const middle = a1 * b0 + a0 * b1;
  const low = a0 * b0 + (middle % 65536) * 65536;
  const carry = a1 * b1 + Math.floor(middle / 65536) + Math.floor(low / TWO_32);
  const hi = (carry + Math.imul(aHi, bLo) + Math.imul(aLo, bHi)) >>> 0;
  return [hi, low >>> 0];
}

module.exports = { SplittableRandom };
