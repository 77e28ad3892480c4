package online

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
)

// CacheFile is where results are kept between runs. The command line
// keeps one file under the user's cache folder; tests keep it in memory.
type CacheFile interface {
	// Name names the cache in warnings.
	Name() string
	// Load returns the cache's contents, or an error wrapping
	// fs.ErrNotExist when there is none yet.
	Load() ([]byte, error)
	// Save replaces the contents atomically: a reader sees the old
	// contents or the new, never a mix.
	Save(data []byte) error
}

// The cache file's shape. Format tells it from any other JSON file;
// Version changes when the meaning of an entry does.
const (
	cacheFormat  = "contentlint-online-cache"
	cacheVersion = 1
)

type cacheDoc struct {
	Format  string                `json:"format"`
	Version int                   `json:"version"`
	Entries map[string]cacheEntry `json:"entries"`
}

type cacheEntry struct {
	Status   string    `json:"status"`
	Detail   string    `json:"detail,omitempty"`
	Location string    `json:"location,omitempty"`
	Checked  time.Time `json:"checked"`
}

// cache remembers verdicts with a time to live: successes for CacheTTL,
// failures for CacheTTLFailure; unknown outcomes are never kept. Keys start
// with a fingerprint of the settings that shape verdicts (accepted status
// codes, private addresses allowed, the redirect bound, the GitHub API), so
// that changing them is never answered from an older setting's results.
// A cache that cannot be read is ignored with a warning and replaced.
type cache struct {
	file    CacheFile
	prefix  string
	okTTL   time.Duration
	failTTL time.Duration
	now     func() time.Time
	warn    io.Writer
	loaded  map[string]cacheEntry
	fresh   map[string]cacheEntry
}

func newCache(file CacheFile, fingerprint string, cfg lint.Online, now func() time.Time, warn io.Writer) *cache {
	return &cache{file: file, prefix: fingerprint, okTTL: cfg.CacheTTL, failTTL: cfg.CacheTTLFailure, now: now, warn: warn,
		loaded: map[string]cacheEntry{}, fresh: map[string]cacheEntry{}}
}

// fingerprint identifies the settings that shape verdicts.
func (c *Checker) fingerprint() string {
	settings, _ := json.Marshal(struct {
		Accept       []lint.OnlineAccept
		AllowPrivate bool
		MaxRedirects int
		GitHubAPI    string
	}{c.cfg.Accept, c.opts.AllowPrivate, c.cfg.MaxRedirects, c.opts.GitHubAPI})
	sum := sha256.Sum256(settings)
	return hex.EncodeToString(sum[:6])
}

func (c *cache) key(t lint.Target) string {
	switch t.Kind {
	case lint.TargetAccount:
		return c.prefix + " account " + t.Network + " " + t.Value
	case lint.TargetMailDomain:
		return c.prefix + " mail " + t.Value
	}
	return c.prefix + " url " + t.Value
}

// read reads and parses the cache file; a missing file is an empty cache.
// A file that is not a cache of this version is ignored, with a warning
// when warn is set.
func (c *cache) read(warn bool) map[string]cacheEntry {
	say := func(format string, args ...any) {
		if warn {
			fmt.Fprintf(c.warn, "contentlint: warning: ignoring the online cache %s: %s; it will be replaced\n", c.file.Name(), fmt.Sprintf(format, args...))
		}
	}
	data, err := c.file.Load()
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		say("%v", err)
		return nil
	}
	// The header first, so that another tool's file is named as such
	// whatever its entries look like.
	var head struct {
		Format  string          `json:"format"`
		Version int             `json:"version"`
		Entries json.RawMessage `json:"entries"`
	}
	var entries map[string]cacheEntry
	switch err := json.Unmarshal(data, &head); {
	case err != nil && !json.Valid(data):
		say("it is not valid JSON (%v)", err)
		return nil
	case err != nil || head.Format != cacheFormat:
		say("it is not a contentlint online cache")
		return nil
	case head.Version != cacheVersion:
		say("it was written by another version of contentlint (cache version %d, this one reads %d)", head.Version, cacheVersion)
		return nil
	case json.Unmarshal(head.Entries, &entries) != nil:
		say("its entries are not what this version of contentlint writes")
		return nil
	}
	return entries
}

// load reads the cache at the start of a run.
func (c *cache) load() {
	if c.file == nil {
		return
	}
	for k, e := range c.read(true) {
		c.loaded[k] = e
	}
}

// parseStatus reads a status written by Status.String.
func parseStatus(s string) (lint.Status, bool) {
	for st := lint.StatusOK; st <= lint.StatusRefused; st++ {
		if st.String() == s {
			return st, true
		}
	}
	return lint.StatusUnknown, false
}

// live reports whether e is still good at now.
func (c *cache) live(e cacheEntry, now time.Time) (lint.Status, bool) {
	st, ok := parseStatus(e.Status)
	if !ok {
		return st, false
	}
	ttl := c.failTTL
	if st == lint.StatusOK {
		ttl = c.okTTL
	}
	age := now.Sub(e.Checked)
	return st, age >= 0 && age < ttl
}

// get returns t's remembered verdict, if it is still good.
func (c *cache) get(t lint.Target) (lint.Verdict, bool) {
	e, ok := c.loaded[c.key(t)]
	if !ok {
		return lint.Verdict{}, false
	}
	st, live := c.live(e, c.now())
	if !live {
		return lint.Verdict{}, false
	}
	return lint.Verdict{Status: st, Detail: e.Detail, Location: e.Location}, true
}

// put remembers a verdict of this run.
func (c *cache) put(t lint.Target, v lint.Verdict) {
	if c.file == nil || v.Status == lint.StatusUnknown {
		return
	}
	c.fresh[c.key(t)] = cacheEntry{Status: v.Status.String(), Detail: v.Detail, Location: v.Location, Checked: c.now().UTC()}
}

// save writes this run's results into the cache, merged with what the
// file holds now (another run may have written it meanwhile), dropping
// what has expired. A run that learnt nothing writes nothing.
func (c *cache) save() {
	if c.file == nil || len(c.fresh) == 0 {
		return
	}
	now := c.now()
	longest := max(c.okTTL, c.failTTL)
	entries := map[string]cacheEntry{}
	for k, e := range c.read(false) {
		// Entries of other settings expire at the longest time to live.
		if age := now.Sub(e.Checked); age >= 0 && age < longest {
			entries[k] = e
		}
	}
	for k, e := range c.fresh {
		entries[k] = e
	}
	data, err := json.MarshalIndent(cacheDoc{Format: cacheFormat, Version: cacheVersion, Entries: entries}, "", " ")
	if err == nil {
		err = c.file.Save(append(data, '\n'))
	}
	if err != nil {
		fmt.Fprintf(c.warn, "contentlint: warning: cannot write the online cache %s: %v\n", c.file.Name(), err)
	}
}
