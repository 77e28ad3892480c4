package lint

import (
	"bytes"
	"context"
	"io"
	"runtime"
	"sync"
)

// probe is the first half of an online run: it reads every file Run will
// lint (and standard input, already kept by replay), finds the targets the
// entries name, and streams each distinct one to the prober as it is
// found, so that the network work starts with the first file. It returns
// the prober's verdicts. Only the set of targets is kept, never the
// entries: the second half parses each file again, a small cost next to
// the network's.
func probe(ctx context.Context, opts Options, walker *Walker, files []string, stdin bool, stdinCfg *Config,
	linterFor func(*Config) *Linter, collectionOf func(string) (*Linter, *Collection)) (map[Target]Verdict, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	targets := make(chan Target, 256)
	verdicts := make(chan map[Target]Verdict, 1)
	go func() { verdicts <- opts.Online.Probe(ctx, targets) }()

	found := make(chan []Target, 64)
	seen := map[Target]bool{}
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for ts := range found {
			for _, t := range ts {
				if seen[t] {
					continue
				}
				seen[t] = true
				select {
				case targets <- t:
				case <-ctx.Done():
				}
			}
		}
	}()

	if stdin {
		l := linterFor(stdinCfg)
		name, coll, _, ok := stdinEntry(opts, stdinCfg)
		src, err := l.readLimited(opts.Stdin, 0)
		if err == nil && ok {
			found <- l.targetsOf(name, src, coll)
		}
		if s, ok := opts.Stdin.(*replayReader); ok {
			s.Reset()
		}
	}

	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	// The walk is Run's, without its skip reports: those come once, from
	// the second half.
	quiet := *walker
	quiet.Skipped = nil
	queue := make(chan string, 64)
	walkErr := make(chan error, 1)
	go func() {
		defer close(queue)
		walkErr <- quiet.Walk(ctx, files, func(p string) bool {
			select {
			case queue <- p:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range queue {
				l, c := collectionOf(p)
				if c == nil {
					continue
				}
				src, err := l.readFile(p)
				if err != nil {
					continue // the second half reports it
				}
				if ts := l.targetsOf(p, src, c); len(ts) > 0 {
					found <- ts
				}
			}
		}()
	}
	wg.Wait()
	close(found)
	<-collected
	close(targets)
	err := <-walkErr
	v := <-verdicts
	if err != nil {
		return nil, err
	}
	return v, nil
}

// targetsOf parses one entry and returns the targets it names that are
// to be checked.
func (l *Linter) targetsOf(name string, src []byte, c *Collection) []Target {
	e := l.parser.Parse(name, src)
	if e.Fatal {
		return nil
	}
	var out []Target
	for _, o := range onlineOccurrences(e, c, l.online.config) {
		if !o.excluded {
			out = append(out, o.target)
		}
	}
	return out
}

// replayReader hands out what was read from a reader, and the error that
// ended the reading, as often as it is reset.
type replayReader struct {
	src []byte
	err error
	r   *bytes.Reader
}

// replay keeps what was read from standard input, as far as the size
// limit and one byte more, so that both halves of an online run read it.
func replay(src []byte, err error) io.Reader {
	return &replayReader{src: src, err: err, r: bytes.NewReader(src)}
}

func (r *replayReader) Read(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	return r.r.Read(p)
}

// Reset starts the reading again.
func (r *replayReader) Reset() { r.r.Reset(r.src) }
