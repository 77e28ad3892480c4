// Command linkfarm is the loopback link farm of docs/performance.md's
// online audit measurements (testdata/perf/online.sh runs it):
//
//	linkfarm -write DIR [-hosts 20] [-urls 2000] [-port 8080]
//	linkfarm -serve 127.0.0.1:8080 [-delay 50ms] [-for 30m]
//	linkfarm -stats 127.0.0.1:8080
//
// -write makes DIR/entries/*.md, entries naming -urls distinct URLs over
// -hosts host names (each entry one page on every host), DIR/hosts (the
// names, all 127.0.0.1, for a hosts file) and DIR/contentlint.yaml.
// -serve answers every request for any of those names on one listener
// after -delay, and stops by itself after -for. -stats prints how many
// requests it served and the most that one host had in flight at once
// since the last -stats, and resets them.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glasgow-open-data/contentlint/lint/online/onlinetest"
)

const statsPath = "/_linkfarm/stats"

func main() {
	write := flag.String("write", "", "write the entries, hosts file and configuration to `DIR`")
	hosts := flag.Int("hosts", 20, "host names")
	urls := flag.Int("urls", 2000, "distinct URLs")
	port := flag.Int("port", 8080, "the port the URLs name")
	serve := flag.String("serve", "", "serve the farm on `ADDR`")
	delay := flag.Duration("delay", 50*time.Millisecond, "how long each answer takes")
	limit := flag.Duration("for", 30*time.Minute, "stop serving after this long")
	stats := flag.String("stats", "", "print and reset the counts of the farm on `ADDR`")
	flag.Parse()
	var err error
	switch {
	case *write != "":
		err = writeFarm(*write, *hosts, *urls, *port)
	case *serve != "":
		err = serveFarm(*serve, *delay, *limit)
	case *stats != "":
		err = printStats(*stats)
	default:
		flag.Usage()
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "linkfarm:", err)
		os.Exit(1)
	}
}

func hostName(h int) string { return fmt.Sprintf("host%02d.linkfarm.org", h) }

func writeFarm(dir string, hosts, urls, port int) error {
	if err := os.MkdirAll(filepath.Join(dir, "entries"), 0o755); err != nil {
		return err
	}
	perHost := urls / hosts
	for i := range perHost {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: \"Entry %d\"\n---\n\n## Links\n\n", i)
		for h := range hosts {
			fmt.Fprintf(&b, "- [Page %d on %s](http://%s:%d/page/%d)\n", i, hostName(h), hostName(h), port, i)
		}
		if err := os.WriteFile(filepath.Join(dir, "entries", fmt.Sprintf("entry-%04d.md", i)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	var names strings.Builder
	names.WriteString("127.0.0.1 localhost\n")
	for h := range hosts {
		fmt.Fprintf(&names, "127.0.0.1 %s\n", hostName(h))
	}
	if err := os.WriteFile(filepath.Join(dir, "hosts"), []byte(names.String()), 0o644); err != nil {
		return err
	}
	// Links only: the farm measures the online audit, not the offline rules.
	config := "collections:\n  - name: entries\n    include: [\"entries/*.md\"]\n    frontmatter: optional\n"
	return os.WriteFile(filepath.Join(dir, "contentlint.yaml"), []byte(config), 0o644)
}

func serveFarm(addr string, delay, limit time.Duration) error {
	farm := &onlinetest.Farm{Delay: delay}
	mux := http.NewServeMux()
	mux.HandleFunc(statsPath, func(w http.ResponseWriter, r *http.Request) {
		requests, most := farm.Stats()
		farm.Reset()
		json.NewEncoder(w).Encode(map[string]int{"requests": requests, "maxPerHost": most})
	})
	mux.Handle("/", farm)
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	time.AfterFunc(limit, func() { srv.Close() })
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		return err
	}
	return nil
}

func printStats(addr string) error {
	res, err := http.Get("http://" + addr + statsPath)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	_, err = io.Copy(os.Stdout, res.Body)
	return err
}
