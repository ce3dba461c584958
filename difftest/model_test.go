package difftest

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"sync"

	"github.com/awsgen/awsgen/internal/modelsrc"
)

// The c2j model is read straight from the file the committed package was generated from,
// with encoding/json, so that the operation table and the required members do not come from
// the generator under test.

type c2jRef struct {
	Shape string `json:"shape"`
}

type c2jShape struct {
	Type     string            `json:"type"`
	Required []string          `json:"required"`
	Members  map[string]c2jRef `json:"members"`
	Member   c2jRef            `json:"member"`
	Key      c2jRef            `json:"key"`
	Value    c2jRef            `json:"value"`
}

type c2jModel struct {
	Operations map[string]struct {
		Input  *c2jRef `json:"input"`
		Output *c2jRef `json:"output"`
	} `json:"operations"`
	Shapes map[string]c2jShape `json:"shapes"`
}

// operation is one Cognito operation with its input and output shape names.
type operation struct {
	Name, Input, Output string
}

var (
	modelOnce sync.Once
	model     *c2jModel
	modelErr  error
)

// generateDirective finds the model the committed package is generated from.
var generateDirective = regexp.MustCompile(`(?m)^//go:generate .*-model (\S+) .*-pkg cognitoidp`)

func loadModel() (*c2jModel, error) {
	modelOnce.Do(func() {
		src, err := os.ReadFile("../generated/generate.go")
		if err != nil {
			modelErr = err
			return
		}
		m := generateDirective.FindSubmatch(src)
		if m == nil {
			modelErr = fmt.Errorf("../generated/generate.go: no //go:generate line for package cognitoidp")
			return
		}
		path, err := modelsrc.Resolve(string(m[1]))
		if err != nil {
			modelErr = err
			return
		}
		data, err := os.ReadFile(path)
		if err != nil {
			modelErr = err
			return
		}
		model = new(c2jModel)
		if err := json.Unmarshal(data, model); err != nil {
			modelErr = fmt.Errorf("%s: %w", path, err)
		}
	})
	return model, modelErr
}

// operations lists the model's operations sorted by name.
func (m *c2jModel) operations() []operation {
	var ops []operation
	for name, op := range m.Operations {
		o := operation{Name: name}
		if op.Input != nil {
			o.Input = op.Input.Shape
		}
		if op.Output != nil {
			o.Output = op.Output.Shape
		}
		ops = append(ops, o)
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].Name < ops[j].Name })
	return ops
}
