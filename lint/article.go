package lint

import "strings"

// article returns "A" or "An" for a name, by how it is said: "An
// Instagram handle", "An X handle" (said "ex"), "A YouTube handle".
func article(name string) string {
	if name == "X" || (name != "" && strings.ContainsRune("AEIOUaeiou", rune(name[0]))) {
		return "An"
	}
	return "A"
}
