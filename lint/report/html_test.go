package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/glasgow-open-data/contentlint/lint"
)

func writeHTML(t *testing.T, run Run) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := (HTML{}).Report(&buf, run); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestHTMLGolden(t *testing.T) {
	checkGolden(t, "golden.html", writeHTML(t, goldenSARIFRun()))
}

// hostile is what an entry might carry to break out of the page: markup,
// script, event handlers and URLs in every field a finding has.
const hostile = `</td></tr></table><script>window.pwned=1</script><img src=x onerror="window.pwned=2">"'` + "`" + `{{.}}`

// hostileRun puts hostile text in every field the report shows.
func hostileRun() Run {
	r := &lint.Rule{ID: "demo-error", Family: "demo", Severity: lint.SeverityError, Title: hostile}
	f := finding("content/"+hostile+".md", lint.SeverityError, r, 1, 3, 1, 12, hostile, "title", "x "+hostile)
	f.Collection = hostile
	f.Related = []lint.Related{{Path: "javascript:alert(1)//" + hostile, Span: f.Span, Message: hostile, SourceLine: hostile}}
	g := finding("javascript:alert(1)", lint.SeverityWarning, r, 2, 1, 2, 2, "second", "", "")
	g.Suppressed, g.Justification = true, hostile
	return Run{Findings: []lint.Finding{f, g}, Files: 2, Catalogue: lint.NewCatalogue(lint.Check{Rules: []*lint.Rule{r}}),
		Invocation: Invocation{ToolVersion: hostile}}
}

// TestHTMLEscapes parses the page of a hostile run: the one script is ours,
// no element or attribute came from the entries, and their text is shown
// as text.
func TestHTMLEscapes(t *testing.T) {
	page := writeHTML(t, hostileRun())
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	scripts, csp := 0, ""
	var text strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode && (n.Parent == nil || n.Parent.Data != "script") {
			text.WriteString(n.Data)
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script":
				scripts++
				if n.FirstChild == nil || n.FirstChild.Data != htmlScript {
					t.Errorf("a script that is not the report's own:\n%v", n.FirstChild)
				}
			case "img", "iframe", "object", "embed", "link", "base", "form", "style":
				if n.Data != "style" || n.Parent == nil || n.Parent.Data != "head" {
					t.Errorf("unexpected <%s> element", n.Data)
				}
			}
			for _, a := range n.Attr {
				switch {
				case strings.HasPrefix(strings.ToLower(a.Key), "on"):
					t.Errorf("<%s> has an event handler %s=%q", n.Data, a.Key, a.Val)
				case a.Key == "src":
					t.Errorf("<%s src=%q>: the page fetches nothing", n.Data, a.Val)
				case a.Key == "href" && !strings.HasPrefix(a.Val, "#") && !strings.HasPrefix(a.Val, DefaultInformationURI):
					t.Errorf("<%s href=%q> links elsewhere", n.Data, a.Val)
				case a.Key == "http-equiv":
					for _, m := range n.Attr {
						if m.Key == "content" {
							csp = m.Val
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if scripts != 1 {
		t.Errorf("%d script elements, want 1", scripts)
	}
	sum := sha256.Sum256([]byte(htmlScript))
	if want := "script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, want) || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q lacks %q and default-src 'none'", csp, want)
	}
	if n := strings.Count(text.String(), hostile); n < 5 {
		t.Errorf("the hostile text shows %d times as text, want it in the path, message, source, collection and related place", n)
	}
}

// TestHTMLSelfContained: nothing in the page is fetched, whatever it shows.
func TestHTMLSelfContained(t *testing.T) {
	// What entries say is text (TestHTMLEscapes); the page's own markup,
	// styles and script must fetch nothing.
	for _, run := range []Run{goldenSARIFRun(), {Files: 3}} {
		page := string(writeHTML(t, run))
		for _, bad := range []string{"url(", "@import", " src=", "<link", "fetch(", "XMLHttpRequest", "import("} {
			if strings.Contains(page, bad) {
				t.Errorf("the page contains %q", bad)
			}
		}
	}
}

func TestHTMLClean(t *testing.T) {
	page := string(writeHTML(t, Run{Files: 3, Catalogue: goldenCatalogue()}))
	for _, want := range []string{"<title>contentlint report: no problems in 3 files</title>", `id="clean">No problems found in 3 files.`} {
		if !strings.Contains(page, want) {
			t.Errorf("a clean report lacks %q", want)
		}
	}
}

// TestHTMLTotals: the totals count unsuppressed findings by severity, rule,
// collection and entry, most first.
func TestHTMLTotals(t *testing.T) {
	page := string(writeHTML(t, goldenSARIFRun()))
	for _, want := range []string{
		`<b id="total-errors">3</b>`, `<b id="total-warnings">4</b>`, `<b id="total-notes">2</b>`,
		`; 9 findings in 5 files; 1 suppressed`,
		// Rules, most findings first; the suppressed finding's rule is not counted.
		`data-value="demo-warning" title="A demonstration warning | with a pipe">demo-warning</a>`,
		`<option value="demo-warning">demo-warning (4)</option><option value="demo-error">demo-error (3)</option><option value="demo-note">demo-note (2)</option></select>`,
		// The span marked in its source line (columns 16 to 37, end excluded).
		`<pre class="src">contact_email: <mark>&#34;100% sure, really: n</mark>o&#34;</pre>`,
		// An empty span marks the character it points at.
		`<pre class="src">social<mark>:</mark></pre>`,
		// Related places, with their lines.
		`<li><code>content/100%#?.md:2:1</code> title &#34;a, b: c&#34;<pre class="src">title: a, b: c</pre></li>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
