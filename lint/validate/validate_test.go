package validate

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tcase is one named table case. The name cites the rule (RFC section,
// network help page, JSON-Schema-Test-Suite file) the case comes from.
type tcase struct {
	name string
	in   string
	ok   bool
	want string // for invalid cases: a substring the message must contain
}

func valid(name, in string) tcase         { return tcase{name: name, in: in, ok: true} }
func invalid(name, in, want string) tcase { return tcase{name: name, in: in, want: want} }

func runCases(t *testing.T, fn func(string) error, cases []tcase) {
	t.Helper()
	seen := make(map[string]bool, len(cases))
	for _, tc := range cases {
		if seen[tc.name] {
			t.Errorf("duplicate case name %q", tc.name)
		}
		seen[tc.name] = true
		if !tc.ok && tc.want == "" {
			t.Errorf("%s: invalid case without an expected message", tc.name)
		}
		t.Run(tc.name, func(t *testing.T) {
			err := fn(tc.in)
			if tc.ok {
				if err != nil {
					t.Errorf("%q: unexpected error: %v", tc.in, err)
				}
				return
			}
			if err == nil {
				t.Fatalf("%q: accepted; want an error containing %q", tc.in, tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%q:\n got: %v\nwant substring: %s", tc.in, err, tc.want)
			}
			if problem := messageProblem(err.Error()); problem != "" {
				t.Errorf("%q: message %q %s", tc.in, err, problem)
			}
		})
	}
}

// messageProblem checks the house style of error messages: non-empty, one
// line, not starting with a capital letter, and no Go-internal wording.
func messageProblem(msg string) string {
	switch {
	case msg == "":
		return "is empty"
	case strings.ContainsAny(msg, "\n\r"):
		return "spans several lines"
	case !utf8.ValidString(msg):
		return "is not valid UTF-8"
	}
	r, _ := utf8.DecodeRuneInString(msg)
	if unicode.IsUpper(r) {
		return "starts with a capital letter"
	}
	for _, internal := range []string{"parse ", "idna:", "netip", "invalid syntax"} {
		if strings.Contains(msg, internal) {
			return "leaks internal wording " + internal
		}
	}
	return ""
}

func TestMessageStyleCatchesBadMessages(t *testing.T) {
	for _, msg := range []string{"", "Capital", "two\nlines", "parse \"x\": bad"} {
		if messageProblem(msg) == "" {
			t.Errorf("messageProblem(%q) found nothing", msg)
		}
	}
	if p := messageProblem(`"mailto:" prefix is not part of the address`); p != "" {
		t.Errorf("quoted start rejected: %s", p)
	}
}
