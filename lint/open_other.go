//go:build !unix

package lint

// nonBlocking is not needed where named pipes cannot be opened by path.
const nonBlocking = 0
