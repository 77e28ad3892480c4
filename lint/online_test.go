package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/linttest"
)

// fakeProber answers from a table, by Target.String(), and records what it
// was asked; a target not in the table fails the test, so the fixtures
// pin exactly what lint sends to the network.
type fakeProber struct {
	t        *testing.T
	verdicts map[string]lint.Verdict
	mu       sync.Mutex
	asked    []lint.Target
}

func (f *fakeProber) Probe(_ context.Context, targets <-chan lint.Target) map[lint.Target]lint.Verdict {
	out := map[lint.Target]lint.Verdict{}
	for t := range targets {
		f.mu.Lock()
		f.asked = append(f.asked, t)
		f.mu.Unlock()
		v, ok := f.verdicts[t.String()]
		if !ok {
			f.t.Errorf("unexpected target %s", t)
		}
		out[t] = v
	}
	return out
}

// onlineVerdicts are the network's answers for the online fixtures.
func onlineVerdicts() map[string]lint.Verdict {
	dead := func(detail string) lint.Verdict { return lint.Verdict{Status: lint.StatusDead, Detail: detail} }
	ok := lint.Verdict{Status: lint.StatusOK}
	return map[string]lint.Verdict{
		"https://glasgowopendata.org/":              ok,
		"https://glasgowopendata.org/old-site":      dead("404 Not Found"),
		"https://old-hackspace.org/logo.png":        dead(`the host "old-hackspace.org" does not exist`),
		"https://old-hackspace.org/":                dead(`the host "old-hackspace.org" does not exist`),
		"https://old-hackspace.org/wiki":            dead(`the host "old-hackspace.org" does not exist`),
		"http://glasgowopendata.org/charter":        {Status: lint.StatusMoved, Detail: "301 Moved Permanently", Location: "https://glasgowopendata.org/charter/"},
		"https://slow.glasgowopendata.org/":         {Status: lint.StatusUnreachable, Detail: "timed out after 10s after 3 tries"},
		"https://intranet.glasgowopendata.org/":     {Status: lint.StatusRefused, Detail: "intranet.glasgowopendata.org resolves to 10.0.0.5, a private address; contentlint connects to such addresses only with --online-allow-private"},
		"https://ratelimited.glasgowopendata.org/":  {Status: lint.StatusUnknown, Detail: "429 Too Many Requests, rate limited"},
		"https://github.com/ghost-org-xyz":          dead("the GitHub API answers 404 Not Found"),
		"https://github.com/octocat":                ok,
		"https://mastodon.social/@bob":              dead("WebFinger on mastodon.social answers 404 Not Found"),
		"https://mastodon.social/@alice":            ok,
		"https://bsky.app/profile/gone.bsky.social": dead("no _atproto TXT record, and https://gone.bsky.social/.well-known/atproto-did answers 404 Not Found"),
		"mail domain defunct-society.org":           dead(`the domain "defunct-society.org" does not exist or has no MX, A or AAAA record`),
		"mail domain glasgowopendata.org":           ok,
	}
}

// TestOnlineFixtures runs the online fixtures with a fake prober: every
// finding at its value or link, each target asked once however often it
// is named, nothing asked that is excluded, a placeholder or not a web
// address, and suppressions honoured.
func TestOnlineFixtures(t *testing.T) {
	dir := filepath.Join("testdata", "rules", "online")
	cat := lint.DefaultCatalogue()
	var rules []*lint.Rule
	for _, r := range cat.Rules() {
		if r.Family == "online" || r.Family == "suppression" {
			rules = append(rules, r)
		}
	}
	p := &fakeProber{t: t, verdicts: onlineVerdicts()}
	linttest.RunOnline(t, p, rules[0], dir, rules[1:]...)
	seen := map[lint.Target]bool{}
	for _, tg := range p.asked {
		if seen[tg] {
			t.Errorf("%s asked twice", tg)
		}
		seen[tg] = true
	}
	if len(seen) != len(onlineVerdicts()) {
		t.Errorf("asked %d targets, want every one of the %d in the table", len(seen), len(onlineVerdicts()))
	}
	fsys := os.DirFS(dir)
	cfg, err := linttest.Config(fsys, cat)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: []string{"."}, Config: cfg, Catalogue: cat,
		Online: &fakeProber{t: t, verdicts: onlineVerdicts()}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		if r.Family == "online" && !slices.ContainsFunc(res.Findings, func(f lint.Finding) bool { return f.Rule == r }) {
			t.Errorf("%s fires in no online fixture", r.ID)
		}
	}
	if len(res.Verdicts) != len(onlineVerdicts()) {
		t.Errorf("%d verdicts in the result", len(res.Verdicts))
	}
}

// TestOfflineNeverProbes: without a prober the online rules are quiet,
// and a suppression naming them is not unused: the pre-commit run must
// not complain about what only the online audit checks.
func TestOfflineNeverProbes(t *testing.T) {
	dir := filepath.Join("testdata", "rules", "online")
	cat := lint.DefaultCatalogue()
	fsys := os.DirFS(dir)
	cfg, err := linttest.Config(fsys, cat)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: []string{"."}, Config: cfg, Catalogue: cat})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule.Family == "online" || f.Rule.ID == "unused-suppression" {
			t.Errorf("offline: %s:%d: %s [%s]", f.Path, f.Span.Start.Line, f.Message, f.Rule.ID)
		}
	}
	if res.Verdicts != nil {
		t.Error("an offline run has verdicts")
	}
}

// TestOnlineStdin: standard input is read once and serves both halves of
// an online run; too large, it is still reported as such.
func TestOnlineStdin(t *testing.T) {
	cat := lint.DefaultCatalogue()
	cfg, err := linttest.Config(os.DirFS(filepath.Join("testdata", "rules", "online")), cat)
	if err != nil {
		t.Fatal(err)
	}
	entry := "---\ntitle: \"x\"\nwebsite: \"https://glasgowopendata.org/old-site\"\n---\n\nBody.\n"
	res, err := lint.Run(context.Background(), lint.Options{FS: os.DirFS("."), Paths: []string{"-"}, Stdin: strings.NewReader(entry),
		Config: cfg, Catalogue: cat, Online: &fakeProber{t: t, verdicts: onlineVerdicts()}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule.ID != "link-dead" || res.Findings[0].Span.Start.Line != 3 {
		t.Errorf("findings %+v", res.Findings)
	}
	res, err = lint.Run(context.Background(), lint.Options{FS: os.DirFS("."), Paths: []string{"-"}, Stdin: strings.NewReader(entry + strings.Repeat("x", 200)),
		Config: cfg, Catalogue: cat, MaxFileSize: 100, Online: &fakeProber{t: t, verdicts: onlineVerdicts()}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule.ID != "file-too-large" || !strings.HasPrefix(res.Findings[0].Message, "file is larger than the 100-byte limit") {
		t.Errorf("too large: %+v", res.Findings)
	}
}
