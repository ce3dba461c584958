package load

import "syscall"

// mapPopulate asks Linux to map all of a file's pages at once, rather than one fault at a
// time as they are first read.
const mapPopulate = syscall.MAP_POPULATE
