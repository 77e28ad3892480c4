// The nobrowser tag leaves these tests out where a run repeats the suite
// hundreds of times and a browser per run would dominate it: mutation
// testing (docs/testing.md).

//go:build !nobrowser

package report

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/config"
)

// The HTML report in a real browser: headless Chromium (Debian's chromium
// package; .ci/run installs it) opens generated reports and the test checks
// that they render, that filtering works, and that no script error, console
// error, blocked request or dialog occurs. It is skipped, saying so, when
// no browser is installed, unless CONTENTLINT_REQUIRE_BROWSER is set (CI).
// With -update it also writes docs/report.png, the README's screenshot.

// browserPath finds a Chromium: $CONTENTLINT_BROWSER, else the usual names.
func browserPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CONTENTLINT_BROWSER"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium found (install Debian's chromium package, or set CONTENTLINT_BROWSER): the HTML report is not tested in a browser"
	if os.Getenv("CONTENTLINT_REQUIRE_BROWSER") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// browser starts a headless Chromium that may not reach the network. The
// returned func reports every script error, console or browser-log error
// (a blocked request, a Content Security Policy violation) and dialog seen
// so far.
func browser(t *testing.T) (context.Context, func() []string) {
	bin := browserPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		// Without these Chromium reaches out to Google's services.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(ctx)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start the browser, with no deadline
		t.Fatalf("start %s: %v", bin, err)
	}
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelTimeout)

	var mu sync.Mutex
	var problems []string
	add := func(format string, args ...any) {
		mu.Lock()
		problems = append(problems, fmt.Sprintf(format, args...))
		mu.Unlock()
	}
	const done = "contentlint-test-done"
	seen := make(chan struct{}, 1)
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			switch {
			case m.Text == done:
				seen <- struct{}{}
			case m.IsException(), m.Type == chromedp.ConsoleError:
				add("%s at %s:%d", m, m.URL, m.Line+1)
			}
		}
	}()
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			add("a %s dialog opened: %q", ev.Type, ev.Message)
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return ctx, func() []string {
		// A marker logged last is read last: every message before it is in.
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`console.info("`+done+`")`)); err != nil {
			t.Fatal(err)
		}
		select {
		case <-seen:
		case <-ctx.Done():
			t.Fatal("the browser's console was not read in time")
		}
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), problems...)
	}
}

// writeReport writes run's HTML report to a file and returns its URL.
func writeReport(t *testing.T, run Run) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(p, writeHTML(t, run), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(p)
}

// directoryRun lints the README's directory, as the screenshot shows it.
func directoryRun(t *testing.T) Run {
	t.Helper()
	const dir = "../../testdata/directory"
	fsys := os.DirFS(dir)
	cat := lint.DefaultCatalogue()
	cfg, err := config.Load(fsys, ".contentlint.yaml", ".contentlint.yaml", cat)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Config: cfg, Catalogue: cat,
		Name: func(p string) string { return "testdata/directory/" + p }})
	if err != nil {
		t.Fatal(err)
	}
	return Run{Findings: res.Visible(false, true), Files: res.Files, Catalogue: cat, Invocation: Invocation{ToolVersion: "v1.0.0"}}
}

// shown returns the number of findings the table shows and the page's count.
func shown(t *testing.T, ctx context.Context) (rows int, count string) {
	t.Helper()
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll("#findings-table tbody tr")).filter(r => !r.hidden && r.offsetParent !== null).length`))
	if err != nil {
		t.Fatal(err)
	}
	if count, err = chromedp.Run(ctx, chromedp.Text(chromedp.ID("shown"))); err != nil {
		t.Fatal(err)
	}
	return rows, count
}

// choose picks an option of a select as a user does, which fires "change".
func choose(id, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.value = %q; s.dispatchEvent(new Event("change")); })()`, id, value))
}

// eval runs a script in the page and returns its value.
func eval[T any](t *testing.T, ctx context.Context, script string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("%s: %v", script, err)
	}
	return v
}

// do runs steps that return nothing, failing the test on an error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func TestHTMLInBrowser(t *testing.T) {
	ctx, problems := browser(t)
	run := directoryRun(t)
	if len(run.Findings) != 8 {
		t.Fatalf("the directory has %d findings, want 8", len(run.Findings))
	}
	url := writeReport(t, run)
	do(t, ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.ID("findings-table")))
	if ready, title := eval[string](t, ctx, `document.documentElement.dataset.ready`), eval[string](t, ctx, `document.title`); ready != "true" || title != "contentlint report: 8 findings in 6 files" {
		t.Fatalf("page not ready (%q) or titled %q", ready, title)
	}
	check := func(step string, want int) {
		t.Helper()
		rows, count := shown(t, ctx)
		if rows != want || count != fmt.Sprint(want) {
			t.Errorf("%s: %d rows visible, count %q; want %d", step, rows, count, want)
		}
	}
	check("all", 8)

	do(t, ctx, choose("filter-severity", "error"))
	check("severity error", 3)
	for _, s := range eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#findings-table tbody tr")).filter(r => !r.hidden).map(r => r.dataset.severity)`) {
		if s != "error" {
			t.Errorf("the severity filter shows a %s", s)
		}
	}
	do(t, ctx, choose("filter-collection", "events"))
	check("error and events", 1)
	do(t, ctx, chromedp.Click(chromedp.ID("filter-reset")))
	check("reset", 8)

	// Typing in the search box filters by path as the user types, and the
	// filters are kept in the address.
	do(t, ctx, chromedp.SendKeys(chromedp.ID("filter-search"), "Dundee"))
	check("search dundee", 1)
	if hash := eval[string](t, ctx, `location.hash`); hash != "#q=dundee" {
		t.Errorf("the filters are not kept in the address: %q", hash)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("filter-reset")))

	// A rule in the totals filters the table to it.
	do(t, ctx, chromedp.Click(chromedp.CSS(`#by-rule a[data-filter="rule"][data-value="unique-value"]`)))
	check("rule unique-value", 4)
	if rule := eval[string](t, ctx, `document.getElementById("filter-rule").value`); rule != "unique-value" {
		t.Errorf("rule filter = %q after clicking unique-value", rule)
	}

	// A shared address restores its filters.
	do(t, ctx, chromedp.Navigate(url+"#severity=warning&collection=groups"), chromedp.Reload(), chromedp.WaitVisible(chromedp.ID("findings-table")))
	check("restored from the address", 5)
	do(t, ctx, chromedp.Click(chromedp.ID("filter-reset")), chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))

	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 1000 || b.Dy() < 800 {
		t.Errorf("screenshot is %v", b)
	}
	if *update {
		if err := os.WriteFile("../../docs/report.png", shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range problems() {
		t.Error(p)
	}
}

// TestHTMLInBrowserHostile opens a report of hostile findings: nothing they
// carry runs, every one shows as text, and the page works.
func TestHTMLInBrowserHostile(t *testing.T) {
	ctx, problems := browser(t)
	do(t, ctx, chromedp.Navigate(writeReport(t, hostileRun())), chromedp.WaitVisible(chromedp.ID("findings-table")))
	if eval[bool](t, ctx, `window.pwned !== undefined || document.querySelector("img, iframe") !== null`) {
		t.Error("a finding's text ran as script or became an element")
	}
	if text := eval[string](t, ctx, `document.getElementById("findings-table").innerText`); !strings.Contains(text, "<script>window.pwned=1</script>") {
		t.Errorf("the hostile text is not shown as text:\n%s", text)
	}
	if rows, _ := shown(t, ctx); rows != 1 {
		t.Errorf("%d rows visible, want 1 (the suppressed one hidden)", rows)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("filter-suppressed")))
	if rows, _ := shown(t, ctx); rows != 2 {
		t.Errorf("%d rows visible with suppressed findings shown, want 2", rows)
	}
	for _, p := range problems() {
		t.Error(p)
	}
}

// TestBrowserSeesProblems makes sure the browser checks are not vacuous:
// a page with a script error, a console error, a blocked script and a
// dialog is reported on all four counts.
func TestBrowserSeesProblems(t *testing.T) {
	ctx, problems := browser(t)
	p := filepath.Join(t.TempDir(), "bad.html")
	page := `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="script-src 'sha256-` +
		"AAAA" + `'"></head><body><p id="x">x</p><script>blocked()</script></body></html>`
	if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Navigate("file://"+filepath.ToSlash(p)), chromedp.WaitVisible(chromedp.ID("x")))
	// The page's own script is blocked; run the rest from the test.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`setTimeout(() => { throw new Error("thrown on purpose") }, 0); console.error("logged on purpose"); setTimeout(() => alert("on purpose"), 0)`))
	wants := []string{"thrown on purpose", "logged on purpose", "Content Security Policy", `dialog opened: "on purpose"`}
	// The timers fire after the call returns: wait for them, up to a limit.
	got := ""
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		got = strings.Join(problems(), "\n")
		missing := false
		for _, want := range wants {
			missing = missing || !strings.Contains(got, want)
		}
		if !missing {
			break
		}
	}
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}
