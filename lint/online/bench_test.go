package online

import (
	"fmt"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/online/onlinetest"
)

// BenchmarkFarm checks distinct URLs spread over 20 host names on one
// loopback listener that answers each request after 50 ms, with the
// default limits (64 at once, 2 per host). The floor is urls / 20 hosts /
// 2 per host × 50 ms: 2.5 s for 2,000 URLs. The URLs come grouped by host,
// the order that starves hosts when a scheduler is not fair. It reports
// the ratio to the floor, the most requests one host saw at once, and the
// peak of the heap in use, sampled every 5 ms.
func BenchmarkFarm(b *testing.B) {
	for _, urls := range []int{2000, 4000} {
		b.Run(fmt.Sprintf("urls=%d", urls), func(b *testing.B) { benchmarkFarm(b, urls) })
	}
}

func benchmarkFarm(b *testing.B, urls int) {
	const hosts, perHost, delay = 20, 2, 50 * time.Millisecond
	farm := &onlinetest.Farm{Delay: delay}
	srv := httptest.NewServer(farm)
	defer srv.Close()
	port := onlinetest.Port(srv)
	res := onlinetest.NewResolver()
	var targets []lint.Target
	for h := range hosts {
		host := fmt.Sprintf("host%02d.linkfarm.org", h)
		res.Loopback(host)
		for i := range urls / hosts {
			targets = append(targets, urlTarget(fmt.Sprintf("http://%s:%s/page/%d", host, port, i)))
		}
	}
	floor := time.Duration(urls/hosts/perHost) * delay
	var peak uint64
	var total time.Duration
	for b.Loop() {
		farm.Reset()
		runtime.GC()
		stop := sampleHeap(&peak)
		start := time.Now()
		got := probe(nil, New(Options{Network: Network{Resolver: res}, AllowPrivate: true}), targets...)
		total += time.Since(start)
		stop()
		for _, tg := range targets {
			if got[tg].Status != lint.StatusOK {
				b.Fatalf("%s: %+v", tg, got[tg])
			}
		}
		if n, most := farm.Stats(); n != urls || most > perHost {
			b.Fatalf("%d requests, at most %d at once on one host; want %d and at most %d", n, most, urls, perHost)
		}
	}
	b.ReportMetric(float64(total)/float64(b.N)/float64(floor), "x-floor")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// sampleHeap records the largest heap in use until stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			*peak = max(*peak, m.HeapInuse)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
