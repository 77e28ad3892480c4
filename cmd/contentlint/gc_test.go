package main

import (
	"runtime"
	"testing"
	"time"
)

func TestMemoryLimit(t *testing.T) {
	for _, tt := range []struct {
		live uint64
		want int64
	}{
		{0, 48 << 20},
		{10 << 20, 48 << 20},
		{24 << 20, 48 << 20},
		{25 << 20, 50 << 20},
		{300 << 20, 600 << 20},
	} {
		if got := memoryLimit(tt.live); got != tt.want {
			t.Errorf("memoryLimit(%d MiB) = %d MiB, want %d MiB", tt.live>>20, got>>20, tt.want>>20)
		}
	}
}

// TestAfterEachGC: the callback runs after a collection, and again after
// the next one.
func TestAfterEachGC(t *testing.T) {
	calls := make(chan struct{}, 1)
	afterEachGC(func() {
		select {
		case calls <- struct{}{}:
		default: // never block the finalizer goroutine: it serves the whole process
		}
	})
	for i := range 2 {
		runtime.GC()
		select {
		case <-calls:
		case <-time.After(30 * time.Second):
			t.Fatalf("no call after collection %d", i+1)
		}
	}
}
