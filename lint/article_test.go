package lint

import "testing"

func TestArticle(t *testing.T) {
	for name, want := range map[string]string{"Instagram": "An", "X": "An", "YouTube": "A", "Twitter": "A", "email": "An", "Slack": "A"} {
		if got := article(name); got != want {
			t.Errorf("article(%q) = %q, want %q", name, got, want)
		}
	}
}
