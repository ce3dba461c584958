package rt

// packageName qualifies type names in GoString output. A generated package declares its own
// (in doc.go); this file, which is not copied, declares it where the runtime is compiled in
// place.
const packageName = "rt"
