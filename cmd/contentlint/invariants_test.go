package main

import (
	"bytes"
	"context"
	"io/fs"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/glasgow-open-data/contentlint/lint/online"
)

// TestNetworkCodeOnlyOnline: of contentlint's packages, only the online
// checker (and its test helpers) and the command that builds it may import
// code that speaks HTTP, TLS, SMTP or RPC; everything an offline run does is
// in packages that cannot make a request ($ref reads local files; field
// checks are syntactic). One imported edge is known and inert:
// golang.org/x/net/publicsuffix (the public suffix list the validators use
// to tell a registrable domain) imports net/http/cookiejar for an interface
// and never dials. lint/online's TestOneDoor pins that its requests all go
// through one checking dialer, and TestNoRequestWithoutOnline that the
// command builds it only for --online.
func TestNetworkCodeOnlyOnline(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{.Standard}} {{join .Imports \",\"}}", "../../...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	const module = "github.com/glasgow-open-data/contentlint/"
	mayConnect := map[string]bool{module + "cmd/contentlint": true, module + "lint/online": true, module + "lint/online/onlinetest": true}
	forbidden := map[string]bool{"net/http": true, "crypto/tls": true, "net/rpc": true, "net/smtp": true}
	imports := map[string][]string{}
	var ours []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		if len(fields) > 2 {
			imports[fields[0]] = strings.Split(fields[2], ",")
		}
		if strings.HasPrefix(fields[0], module) && !mayConnect[fields[0]] {
			ours = append(ours, fields[0])
		}
	}
	if len(ours) < 10 {
		t.Fatalf("go list named only %d of contentlint's packages; the check did not run", len(ours))
	}
	// Follow every import from each package, but the inert edge.
	for _, pkg := range ours {
		seen := map[string]bool{pkg: true}
		queue := []string{pkg}
		for len(queue) > 0 {
			from := queue[0]
			queue = queue[1:]
			for _, to := range imports[from] {
				if seen[to] || (from == "golang.org/x/net/publicsuffix" && to == "net/http/cookiejar") {
					continue
				}
				if forbidden[to] {
					t.Errorf("%s links %s (through %s)", pkg, to, from)
				}
				seen[to] = true
				queue = append(queue, to)
			}
		}
	}
}

// tripwire is a network that records every use: a lookup fails as a
// name that does not exist, a dial as a refused connection.
type tripwire struct {
	mu    sync.Mutex
	calls []string
}

func (w *tripwire) note(what string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.calls = append(w.calls, what)
}

func (w *tripwire) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.calls)
}

func (w *tripwire) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	w.note("lookup " + host)
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

func (w *tripwire) LookupMX(_ context.Context, name string) ([]*net.MX, error) {
	w.note("mx " + name)
	return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
}

func (w *tripwire) LookupTXT(_ context.Context, name string) ([]string, error) {
	w.note("txt " + name)
	return nil, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
}

func (w *tripwire) network() online.Network {
	return online.Network{Resolver: w, Dial: func(_ context.Context, _, address string) (net.Conn, error) {
		w.note("dial " + address)
		return nil, syscall.ECONNREFUSED
	}}
}

// TestNoRequestWithoutOnline: every command and every kind of lint run,
// over entries full of URLs, addresses, accounts and links, touches the
// network not once without --online; with it, the same tripwire is hit,
// so the test is not vacuous. (No real network is used either way.)
func TestNoRequestWithoutOnline(t *testing.T) {
	dir := t.TempDir()
	entry := "---\ntitle: \"Glasgow Open Data\"\ndescription: \"Open data in Glasgow.\"\nlocation: \"Glasgow\"\n" +
		"website: \"https://glasgowopendata.org\"\ncontact_email: \"contact@glasgowopendata.org\"\n" +
		"social:\n  github: \"glasgow-open-data\"\n  mastodon: \"@god@mastodon.social\"\n  bluesky: \"glasgowopendata.bsky.social\"\n---\n\n" +
		"## Our Mission\n\nSee [the portal](https://data.glasgow.gov.uk/), <https://glasgowopendata.org/charter> and [mail](mailto:hello@glasgowopendata.org).\n\n" +
		"## Get Involved\n\n![A hack night](https://glasgowopendata.org/hack.jpg)\n"
	if err := os.WriteFile(filepath.Join(dir, "entry.md"), []byte(entry), 0o644); err != nil {
		t.Fatal(err)
	}
	runWith := func(w *tripwire, stdin string, args ...string) (int, string) {
		var out, errOut bytes.Buffer
		c := &Command{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
			Network: w.network(), Terminal: true, ErrTerminal: true}
		return c.Main(append([]string{"contentlint"}, args...)), errOut.String()
	}
	w := &tripwire{}
	for _, args := range [][]string{
		{"lint", dir}, {"lint", "--verbose", "--show-source", dir}, {"lint", "--format", "json", dir},
		{"lint", "--format", "sarif", dir}, {"lint", "--format", "github", dir}, {"lint", "--jobs", "1", "../../testdata"},
		{"lint", "--stdin-filename", filepath.Join(dir, "x.md"), "-"}, {"print-config", filepath.Join(dir, "entry.md")},
		{"rules"}, {"rules", "--format", "json"}, {"explain", "link-dead"}, {"explain", "email-domain"},
	} {
		if code, stderr := runWith(w, entry, args...); code == 2 {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
	}
	if n := w.count(); n != 0 {
		t.Fatalf("without --online the network was used %d times: %v", n, w.calls)
	}
	code, stderr := runWith(w, "", "lint", "--online", "--no-online-cache", dir)
	if w.count() == 0 {
		t.Fatalf("--online did not reach the network hook (exit %d): %s", code, stderr)
	}
}

// TestContentNeverWritten: linting, in every format, leaves every content
// file byte-for-byte and timestamp-for-timestamp as it was.
func TestContentNeverWritten(t *testing.T) {
	dir := t.TempDir()
	src := "../../testdata"
	type state struct {
		data []byte
		mod  time.Time
	}
	before := map[string]state{}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Type()&fs.ModeSymlink != 0 {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
		info, _ := os.Stat(dst)
		before[dst] = state{data, info.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json", "sarif", "github"} {
		run(t, "", "lint", "--format", format, dir)
	}
	for p, s := range before {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(p)
		if !bytes.Equal(data, s.data) || !info.ModTime().Equal(s.mod) {
			t.Errorf("%s was modified", p)
		}
	}
}
