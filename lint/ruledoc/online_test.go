package ruledoc

import (
	"bytes"
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/config"
	"github.com/glasgow-open-data/contentlint/lint/online"
	"github.com/glasgow-open-data/contentlint/lint/online/onlinetest"
	"github.com/glasgow-open-data/contentlint/lint/report"
)

// onlineExample is an online rule's example as its note describes it: the
// entry, and the local network it is checked against.
type onlineExample struct {
	entry string
	// network starts the servers the example needs and returns the
	// checker's options.
	network func(t *testing.T) online.Options
}

// onlineExamples are the online rules' examples. The notes cannot show a
// real run (docs are generated offline), so the test makes each run
// against local servers and checks that the note quotes its output.
var onlineExamples = map[string]onlineExample{
	"link-dead": {
		entry: "---\nwebsite: \"https://glasgowopendata.org/old-site\"\n---\n\nAbout the group.\n",
		network: func(t *testing.T) online.Options {
			srv, tlsConfig := onlinetest.NewTLSServer(http.NotFoundHandler(), "glasgowopendata.org")
			t.Cleanup(srv.Close)
			return online.Options{Network: online.Network{Resolver: onlinetest.NewResolver().Loopback("glasgowopendata.org"),
				Dial: onlinetest.RouteTo(srv.Listener.Addr().String()), TLS: tlsConfig}}
		},
	},
	"link-redirect": {
		entry: "---\nwebsite: \"https://glasgowopendata.org/\"\n---\n\nAbout the group.\n",
		network: func(t *testing.T) online.Options {
			srv, tlsConfig := onlinetest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.Host == "glasgowopendata.org" {
					http.Redirect(w, r, "https://www.glasgowopendata.org/", http.StatusMovedPermanently)
				}
			}), "glasgowopendata.org", "www.glasgowopendata.org")
			t.Cleanup(srv.Close)
			return online.Options{Network: online.Network{Resolver: onlinetest.NewResolver().Loopback("glasgowopendata.org", "www.glasgowopendata.org"),
				Dial: onlinetest.RouteTo(srv.Listener.Addr().String()), TLS: tlsConfig}}
		},
	},
	"link-unreachable": {
		entry: "---\nwebsite: \"https://glasgowopendata.org/\"\n---\n\nAbout the group.\n",
		network: func(t *testing.T) online.Options {
			srv, _ := onlinetest.NewTLSServer(http.NotFoundHandler(), "glasgowopendata.org") // its authority is not trusted
			srv.Config.ErrorLog = discardLog()
			t.Cleanup(srv.Close)
			return online.Options{Network: online.Network{Resolver: onlinetest.NewResolver().Loopback("glasgowopendata.org"),
				Dial: onlinetest.RouteTo(srv.Listener.Addr().String())}}
		},
	},
	"social-account-missing": {
		entry: "---\nsocial:\n  github: \"glasgow-open-data-old\"\n---\n\nAbout the group.\n",
		network: func(t *testing.T) online.Options {
			api := httptestServer(t, http.NotFoundHandler())
			return online.Options{GitHubAPI: "http://" + api, Network: online.Network{Resolver: onlinetest.NewResolver()}}
		},
	},
	"email-domain": {
		entry: "---\ncontact_email: \"contact@glasgowopendata.org\"\n---\n\nAbout the group.\n",
		network: func(t *testing.T) online.Options {
			return online.Options{Network: online.Network{Resolver: onlinetest.NewResolver()}}
		},
	},
}

var notePrints = regexp.MustCompile("contentlint prints `([^`]+)`")

// checkOnlineExample lints an online rule's example with --online against
// its local network: it must fire that rule alone, and the note must
// quote exactly what contentlint prints.
func checkOnlineExample(t *testing.T, cat *lint.Catalogue, r *lint.Rule, ex onlineExample) {
	t.Helper()
	opts := ex.network(t)
	opts.AllowPrivate = true
	opts.Config.Timeout = 5 * time.Second
	cfg, err := config.Parse(nil, "example configuration", ".", []byte(r.Config), cat)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{ExampleFile: {Data: []byte(ex.entry)}}
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: []string{ExampleFile}, Config: cfg, Catalogue: cat, Jobs: 1, Online: online.New(opts)})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	findings := res.Visible(false, false)
	if err := (report.Text{}).Report(&out, report.Run{Findings: findings, Files: res.Files, Catalogue: cat}); err != nil {
		t.Fatal(err)
	}
	onlyRule(t, r, findings, out.String())
	m := notePrints.FindStringSubmatch(r.ExampleNote)
	if m == nil {
		t.Fatalf("the note does not quote what contentlint prints:\n%s", out.String())
	}
	if got := strings.TrimSuffix(out.String(), "\n"); got != m[1] {
		t.Errorf("the note quotes\n%s\nbut contentlint prints\n%s", m[1], got)
	}
	// The Good example is the same entry offline: clean.
	clean, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: []string{ExampleFile}, Config: cfg, Catalogue: cat, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(clean.Findings) != 0 {
		t.Errorf("the example entry has offline findings: %v", clean.Findings)
	}
}

// httptestServer starts a plain HTTP server and returns its address.
func httptestServer(t *testing.T, h http.Handler) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String()
}

func discardLog() *log.Logger { return log.New(io.Discard, "", 0) }
