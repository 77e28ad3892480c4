package online

import (
	"container/heap"
	"context"
	"slices"
	"strings"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
)

// job is one target on its way through the scheduler.
type job struct {
	target  lint.Target
	host    string // what the per-host limit counts
	attempt int    // 0 for the first try
	out     outcome
}

// outcome is what one try found.
type outcome struct {
	verdict lint.Verdict
	// retry, when positive, asks for another try after that long; verdict
	// is what stands if there is no time left for it.
	retry time.Duration
	// holdHost makes the whole host wait (it answered with Retry-After).
	holdHost bool
	// local marks a failure more likely of this machine's network than of
	// the target (a DNS server that does not answer): not remembered.
	local bool
}

// Probe checks every target received until targets is closed, at most
// Concurrency at once and PerHost per host, and returns their verdicts.
// Targets in the cache are answered from it; the rest are checked and
// remembered. Past the configured run timeout, or when ctx is done, what
// is left is unknown.
func (c *Checker) Probe(ctx context.Context, targets <-chan lint.Target) map[lint.Target]lint.Verdict {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.RunTimeout)
	defer cancel()
	deadline, _ := ctx.Deadline()
	c.cache.load()

	work := make(chan *job)
	results := make(chan *job, c.cfg.Concurrency)
	for range c.cfg.Concurrency {
		go func() {
			for j := range work {
				j.out = c.check(ctx, j)
				results <- j
			}
		}()
	}
	defer close(work)

	s := newScheduler(c.cfg.PerHost)
	verdicts := map[lint.Target]lint.Verdict{}
	var progress Progress
	var stats Stats
	// decide records t's verdict; remember is false for verdicts not to be
	// kept in the cache (those from it, and failures of this machine's).
	decide := func(t lint.Target, v lint.Verdict, fromCache, remember bool) {
		verdicts[t] = v
		progress.Done++
		switch v.Status {
		case lint.StatusOK:
		case lint.StatusUnknown:
			progress.Unknown++
			stats.Unknown = append(stats.Unknown, Unknown{Target: t, Why: v.Detail})
		default:
			progress.Failed++
		}
		if fromCache {
			stats.Cached++
		}
		if remember {
			c.cache.put(t, v)
		}
		if c.opts.Progress != nil {
			c.opts.Progress(progress)
		}
	}
	timeLeft := c.outOfTime()
	in := targets
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	stopping := false
	for {
		now := time.Now()
		for !stopping && s.active < c.cfg.Concurrency {
			j := s.next(now)
			if j == nil {
				break
			}
			work <- j
		}
		if in == nil && s.pending == 0 && s.active == 0 {
			break
		}
		var wake <-chan time.Time
		if at, ok := s.wakeAt(); ok && !stopping {
			timer.Reset(max(time.Until(at), 0))
			wake = timer.C
		}
		done := ctx.Done()
		if stopping {
			done = nil
		}
		select {
		case t, ok := <-in:
			if !ok {
				in = nil
				continue
			}
			progress.Total++
			if v, hit := c.cache.get(t); hit {
				decide(t, v, true, false)
				continue
			}
			if stopping {
				decide(t, timeLeft, false, false)
				continue
			}
			s.add(&job{target: t, host: c.hostOf(t)})
		case j := <-results:
			s.finished(j)
			if r := j.out.retry; r > 0 && !stopping && time.Now().Add(r).Before(deadline) {
				j.attempt++
				s.retry(j, time.Now().Add(r), j.out.holdHost)
				continue
			}
			decide(j.target, j.out.verdict, false, !j.out.local)
		case <-wake:
			s.wake(time.Now())
		case <-done:
			// Out of time: stop starting work, give up on what waits, and
			// let what runs end (it sees the same context).
			stopping = true
			for _, j := range s.drain() {
				decide(j.target, timeLeft, false, false)
			}
		}
		timer.Stop()
	}
	c.cache.save()
	slices.SortFunc(stats.Unknown, func(a, b Unknown) int { return strings.Compare(a.Target.String(), b.Target.String()) })
	stats.Targets = progress.Total
	c.mu.Lock()
	c.stats = stats
	c.mu.Unlock()
	return verdicts
}

// scheduler hands out jobs fairly across hosts: a host gets at most
// perHost jobs at once, hosts take turns, and a host or a job that must
// wait is set aside until its time.
type scheduler struct {
	perHost  int
	hosts    map[string]*hostQueue
	runnable []*hostQueue // hosts that could start a job now, in turn
	waiting  wakeHeap
	pending  int // jobs queued or waiting
	active   int // jobs out with a worker
}

// hostQueue is one host's jobs.
type hostQueue struct {
	ready      []*job
	active     int
	holdUntil  time.Time
	inRunnable bool
}

func newScheduler(perHost int) *scheduler {
	return &scheduler{perHost: perHost, hosts: map[string]*hostQueue{}}
}

func (s *scheduler) host(name string) *hostQueue {
	h := s.hosts[name]
	if h == nil {
		h = &hostQueue{}
		s.hosts[name] = h
	}
	return h
}

// eligible reports whether h can start a job at now.
func (s *scheduler) eligible(h *hostQueue, now time.Time) bool {
	return len(h.ready) > 0 && h.active < s.perHost && !now.Before(h.holdUntil)
}

// consider puts h in turn if it can start a job.
func (s *scheduler) consider(h *hostQueue, now time.Time) {
	if !h.inRunnable && s.eligible(h, now) {
		h.inRunnable = true
		s.runnable = append(s.runnable, h)
	}
}

func (s *scheduler) add(j *job) {
	h := s.host(j.host)
	h.ready = append(h.ready, j)
	s.pending++
	s.consider(h, time.Now())
}

// next returns the next job to start, or nil.
func (s *scheduler) next(now time.Time) *job {
	for len(s.runnable) > 0 {
		h := s.runnable[0]
		s.runnable = s.runnable[1:]
		h.inRunnable = false
		if !s.eligible(h, now) {
			continue
		}
		j := h.ready[0]
		h.ready = h.ready[1:]
		h.active++
		s.active++
		s.pending--
		s.consider(h, now)
		return j
	}
	return nil
}

// finished records that j's worker is done with it.
func (s *scheduler) finished(j *job) {
	h := s.hosts[j.host]
	h.active--
	s.active--
	s.consider(h, time.Now())
}

// retry sets j aside until at; hold makes its whole host wait as long.
func (s *scheduler) retry(j *job, at time.Time, hold bool) {
	s.pending++
	h := s.hosts[j.host]
	if hold && at.After(h.holdUntil) {
		h.holdUntil = at
	}
	heap.Push(&s.waiting, wakeItem{at: at, job: j})
}

// wakeAt returns when the next set-aside job is due.
func (s *scheduler) wakeAt() (time.Time, bool) {
	if len(s.waiting) == 0 {
		return time.Time{}, false
	}
	return s.waiting[0].at, true
}

// wake requeues the jobs due by now, ahead of their hosts' other jobs.
func (s *scheduler) wake(now time.Time) {
	for len(s.waiting) > 0 && !s.waiting[0].at.After(now) {
		it := heap.Pop(&s.waiting).(wakeItem)
		h := s.hosts[it.job.host]
		h.ready = append([]*job{it.job}, h.ready...)
		s.consider(h, now)
	}
	for _, h := range s.hosts {
		s.consider(h, now)
	}
}

// drain removes and returns every job not started.
func (s *scheduler) drain() []*job {
	var out []*job
	for _, it := range s.waiting {
		out = append(out, it.job)
	}
	s.waiting = nil
	for _, h := range s.hosts {
		out = append(out, h.ready...)
		h.ready = nil
	}
	s.runnable = nil
	s.pending = 0
	return out
}

type wakeItem struct {
	at  time.Time
	job *job
}

// wakeHeap orders set-aside jobs by when they are due.
type wakeHeap []wakeItem

func (h wakeHeap) Len() int           { return len(h) }
func (h wakeHeap) Less(i, j int) bool { return h[i].at.Before(h[j].at) }
func (h wakeHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *wakeHeap) Push(x any)        { *h = append(*h, x.(wakeItem)) }
func (h *wakeHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}
