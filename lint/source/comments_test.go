package source

import (
	"fmt"
	"testing"
)

// TestComments: only real comments are comments; a "#" inside a quoted
// value, a block scalar or a TOML string is data.
func TestComments(t *testing.T) {
	cases := []struct {
		format Format
		src    string
		want   string // the comments' texts
	}{
		{FormatYAML, "a: 1 # one\n# two\nb: x#not\n", `["# one" "# two"]`},
		{FormatYAML, "title: \"x # contentlint-disable-line schema\"\nt: 'it''s # data' # real\n", `["# real"]`},
		{FormatYAML, "t: \"multi\n  # data\n  line\" # real\n", `["# real"]`},
		{FormatYAML, "d: |\n  # data\n  more # data\nnext: 1 # real\n", `["# real"]`},
		{FormatYAML, "d: >- # real\n  # data\n- |\n  # data\n", `["# real"]`},
		{FormatYAML, "tags: [a, \"b # data\", c] # real\nit: it's # real\n", `["# real" "# real"]`},
		{FormatYAML, "- \"x # data\"\n- y # real\n", `["# real"]`},
		{FormatYAML, "a: 1\r\nb: 2 # crlf\r\n", `["# crlf"]`},
		{FormatTOML, "a = 1 # one\n# two\nb = \"x # data\" # three\n", `["# one" "# two" "# three"]`},
		{FormatTOML, "a = 'x # data'\nb = \"\"\"\n# data \\\"\"\" still\n\"\"\" # real\nc = '''\n# data\n'''\n", `["# real"]`},
		{FormatTOML, "a = [1, # real\n  2]\n", `["# real"]`},
	}
	for _, tc := range cases {
		var got []string
		for _, c := range Comments([]byte(tc.src), tc.format) {
			got = append(got, tc.src[c[0]:c[1]])
		}
		if fmt.Sprintf("%q", got) != tc.want {
			t.Errorf("%s %q: comments %q, want %s", tc.format, tc.src, got, tc.want)
		}
	}
}
