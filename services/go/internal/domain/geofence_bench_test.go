package domain

import "testing"

// The cpu scenario's request (loadtest/scenarios/cpu.yml: /cpu?work=1000 on the default 64-vertex city), to set
// against the JVM's cost of CpuWork.run for the same work: go test -bench . -benchtime 200x ./internal/domain
func BenchmarkCpuWork1000(b *testing.B) {
	zones := City(DefaultVertices)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		zones.CpuWork(1000)
	}
}

// One lookup that misses every zone: all 12,800 edge tests, the inner loop the cpu scenario's time goes to.
func BenchmarkLookupMiss(b *testing.B) {
	zones := City(DefaultVertices)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if zones.Lookup(MinLat, MinLon) != nil {
			b.Fatal("the area's corner lies in a zone")
		}
	}
}
