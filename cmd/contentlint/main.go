// Command contentlint lints Markdown content entries: front matter against a
// JSON Schema, field formats, sections and links.
package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"

	"golang.org/x/term"
)

func main() {
	tuneGC()
	cmd := &Command{
		Stdin:    os.Stdin,
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		Getenv:   os.Getenv,
		Terminal: term.IsTerminal(int(os.Stdout.Fd())),
		// Only the --online progress bar reads these.
		ErrTerminal:  term.IsTerminal(int(os.Stderr.Fd())),
		UserCacheDir: os.UserCacheDir,
	}
	os.Exit(cmd.Main(os.Args))
}

// tuneGC trades memory for speed where the user has not chosen (GOGC and
// GOMEMLIMIT override it): the live heap is small, what findings and the
// checks across entries keep, not file contents, so the collector may let
// the heap grow to five times it between cycles (GOGC=400), within a soft
// limit that keeps peak memory near 48 MiB. A fixed limit would have the
// collector run back to back once the live heap nears it, on runs over
// hundreds of thousands of files; so the limit follows the live heap, at
// twice it once that passes half the base (see memoryLimit).
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(baseMemoryLimit)
		afterEachGC(func() { debug.SetMemoryLimit(memoryLimit(liveHeap())) })
	}
}

// baseMemoryLimit is the soft memory limit of a run with a small live heap.
const baseMemoryLimit = 48 << 20

// memoryLimit is the soft limit for a live heap of live bytes: the base,
// or twice the live heap, so that the heap may always grow by the live
// heap's size between collections (GOGC=100 at worst).
func memoryLimit(live uint64) int64 {
	return max(baseMemoryLimit, 2*int64(live))
}

// liveHeap returns the bytes the last collection found live.
func liveHeap() uint64 {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return sample[0].Value.Uint64()
}

// gcTick is an object whose finalizer runs after each collection: the
// finalizer calls f and sets itself again. The padding keeps it out of
// the tiny allocator, whose objects may never be finalized.
type gcTick struct {
	f func()
	_ [16]byte
}

// afterEachGC calls f after every garbage collection, from the finalizer
// goroutine.
func afterEachGC(f func()) {
	runtime.SetFinalizer(&gcTick{f: f}, rearm)
}

func rearm(t *gcTick) {
	t.f()
	runtime.SetFinalizer(t, rearm)
}
