package infer

import "testing"

// TestFieldComment: the comment above a field declaration counts its
// likely defects without saying they are not of the field's kind: a
// placeholder address is an email address and still a defect.
func TestFieldComment(t *testing.T) {
	for _, tc := range []struct {
		n    node
		want string
	}{
		{node{decl: &decision{why: "all 12 values are email addresses", defects: make([]defect, 12)}},
			"all 12 values are email addresses; 12 are likely defects (init lists them)"},
		{node{decl: &decision{why: "9 of 10 values are LinkedIn handles", defects: make([]defect, 1)}, nulls: 1, empties: 2},
			"9 of 10 values are LinkedIn handles; 3 empty; 1 is a likely defect (init lists it)"},
		{node{decl: &decision{why: "all 3 values are web addresses"}}, "all 3 values are web addresses"},
	} {
		if got := fieldComment(&tc.n); got != tc.want {
			t.Errorf("fieldComment = %q, want %q", got, tc.want)
		}
	}
}
