//go:build !unix

package main

// nonBlocking is not needed where named pipes cannot be opened by path.
const nonBlocking = 0
