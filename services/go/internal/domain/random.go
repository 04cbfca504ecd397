package domain

// SplittableRandom is java.util.SplittableRandom's algorithm (SplitMix64), bit for bit: the zone generator and the
// /cpu work draw from it, so Go must draw the same numbers as the JDK to give the same answers.
type SplittableRandom struct {
	seed uint64
}

const goldenGamma = 0x9e3779b97f4a7c15

// NewSplittableRandom is new SplittableRandom(seed).
func NewSplittableRandom(seed int64) *SplittableRandom {
	return &SplittableRandom{seed: uint64(seed)}
}

// NextLong is SplittableRandom.nextLong().
func (r *SplittableRandom) NextLong() int64 {
	r.seed += goldenGamma
	z := r.seed
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return int64(z ^ (z >> 31))
}

// NextDouble is SplittableRandom.nextDouble(): 53 random bits, uniform in [0, 1).
func (r *SplittableRandom) NextDouble() float64 {
	return float64(uint64(r.NextLong())>>11) * 0x1.0p-53
}
