package online

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
)

// trustServer returns a TLS configuration that trusts srv's certificate.
func trustServer(srv *httptest.Server) *tls.Config {
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	return &tls.Config{RootCAs: pool}
}

// probe runs c over targets and returns the verdicts.
func probe(t testing.TB, c *Checker, targets ...lint.Target) map[lint.Target]lint.Verdict {
	if t != nil {
		t.Helper()
	}
	ch := make(chan lint.Target, len(targets))
	for _, tg := range targets {
		ch <- tg
	}
	close(ch)
	return c.Probe(context.Background(), ch)
}

func urlTarget(u string) lint.Target { return lint.Target{Kind: lint.TargetURL, Value: u} }

// fastOptions are options for tests: short waits, no retries beyond one.
func fastOptions(n Network) Options {
	return Options{
		Network: n, AllowPrivate: true, Backoff: 10 * time.Millisecond, MaxWait: 3 * time.Second,
		Config: lint.Online{Timeout: 2 * time.Second, Retries: 1},
	}
}

// requestLog records what a test server was asked.
type requestLog struct {
	mu   sync.Mutex
	reqs []string // "METHOD host path"
	ua   []string
	at   []time.Time
}

func (l *requestLog) add(r *http.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = append(l.reqs, r.Method+" "+r.Host+" "+r.URL.RequestURI())
	l.ua = append(l.ua, r.Header.Get("User-Agent"))
	l.at = append(l.at, time.Now())
}

func (l *requestLog) count(substr string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, r := range l.reqs {
		if strings.Contains(r, substr) {
			n++
		}
	}
	return n
}

func (l *requestLog) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string{}, l.reqs...)
}

// memCache is a CacheFile in memory.
type memCache struct {
	mu    sync.Mutex
	data  []byte
	saves int
}

func (m *memCache) Name() string { return "memory" }

func (m *memCache) Load() ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.data == nil {
		return nil, errNotExist
	}
	return append([]byte{}, m.data...), nil
}

func (m *memCache) Save(data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.data = append([]byte{}, data...)
	m.saves++
	return nil
}

var errNotExist = fmt.Errorf("no cache yet: %w", fs.ErrNotExist)

// quietLog drops a test server's log lines (TLS handshake errors that a
// test causes on purpose).
func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }
