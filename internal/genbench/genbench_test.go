package genbench

import (
	"strings"
	"testing"
	"time"

	"github.com/awsgen/awsgen/internal/testenv"
)

// BenchmarkGenerateCognito times each phase of generating the Cognito package from its c2j
// model with docs, one sub-benchmark per phase (see Phases), then Generate as cmd/gen runs it
// and the whole in-process run:
//
//	go test ./internal/genbench -run '^$' -bench GenerateCognito -count 5
//	go test ./internal/genbench -run '^$' -bench 'GenerateCognito/generate$' -cpuprofile cpu.out
func BenchmarkGenerateCognito(b *testing.B) {
	path, err := CognitoPath()
	if err != nil {
		b.Skip("cannot fetch the Cognito model:", err)
	}
	ps, err := Phases(path, "cognitoidp", b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range ps {
		b.Run(strings.NewReplacer(" ", "_", "/", "").Replace(p.Name), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := p.Run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestPhases runs every phase once: the benchmark's set-up stays working.
func TestPhases(t *testing.T) {
	path, err := CognitoPath()
	if err != nil {
		testenv.Missing(t, "cannot fetch the Cognito model: %v", err)
	}
	ps, err := Phases(path, "cognitoidp", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if err := p.Run(); err != nil {
			t.Fatalf("%s: %v", p.Name, err)
		}
	}
}

func TestReport(t *testing.T) {
	mk := func(name string, walls ...time.Duration) Stats {
		s := Stats{Tool: name}
		for _, w := range walls {
			s.Runs = append(s.Runs, Run{Wall: w, CPU: w})
		}
		s.summarise()
		return s
	}
	v1 := mk("v1", 450*time.Millisecond, 470*time.Millisecond)
	fast := mk("fast", 140*time.Millisecond, 150*time.Millisecond)
	slow := mk("slow", 200*time.Millisecond, 220*time.Millisecond)
	if v1.MeanWall != 460*time.Millisecond || v1.MinWall != 450*time.Millisecond {
		t.Errorf("v1 stats: %+v", v1)
	}
	var sb strings.Builder
	if !Report(&sb, []Stats{v1, fast}, 3, 0, 0) {
		t.Errorf("145 ms vs 460 ms should meet 1/3:\n%s", sb.String())
	}
	if Report(&sb, []Stats{v1, slow}, 3, 0, 0) {
		t.Errorf("210 ms vs 460 ms should not meet 1/3:\n%s", sb.String())
	}
	if !strings.Contains(sb.String(), "does NOT hold") {
		t.Errorf("no verdict:\n%s", sb.String())
	}
}
