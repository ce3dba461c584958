//go:build !linux

package sweep

import "time"

// maxRSS is not measured outside Linux.
func maxRSS() int64 { return 0 }

// childMaxRSS is not measured outside Linux.
func childMaxRSS() int64 { return 0 }

// cpuTime is not measured outside Linux.
func cpuTime() time.Duration { return 0 }
