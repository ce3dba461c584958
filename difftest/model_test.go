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
	// HTTP bindings of restJson1 members: "uri", "querystring", "header", "headers",
	// "statusCode" or "" (the body), and the name on the wire.
	Location     string `json:"location"`
	LocationName string `json:"locationName"`
}

type c2jShape struct {
	Type     string            `json:"type"`
	Required []string          `json:"required"`
	Members  map[string]c2jRef `json:"members"`
	Member   c2jRef            `json:"member"`
	Key      c2jRef            `json:"key"`
	Value    c2jRef            `json:"value"`
	// restJson1: the member bound to the whole body, streaming blobs, event streams and
	// the HTTP status of an error.
	Payload     string `json:"payload"`
	Streaming   bool   `json:"streaming"`
	EventStream bool   `json:"eventstream"`
	Error       *struct {
		HTTPStatusCode int `json:"httpStatusCode"`
	} `json:"error"`
}

type c2jModel struct {
	Operations map[string]struct {
		Input  *c2jRef `json:"input"`
		Output *c2jRef `json:"output"`
		HTTP   struct {
			Method       string `json:"method"`
			RequestURI   string `json:"requestUri"`
			ResponseCode int    `json:"responseCode"`
		} `json:"http"`
		Errors []c2jRef `json:"errors"`
	} `json:"operations"`
	Shapes map[string]c2jShape `json:"shapes"`
}

// operation is one operation with its input and output shape names and, for restJson1,
// its HTTP method, URI pattern, success status and modeled errors.
type operation struct {
	Name, Input, Output string
	Method, URI         string
	ResponseCode        int
	Errors              []string
}

var (
	modelsMu sync.Mutex
	models   = map[string]func() (*c2jModel, error){}
)

// loadModel loads the Cognito model.
func loadModel() (*c2jModel, error) { return loadModelOf("cognitoidp") }

// loadModelOf loads, once, the c2j model that generated/generate.go generates package pkg
// from.
func loadModelOf(pkg string) (*c2jModel, error) {
	modelsMu.Lock()
	load, ok := models[pkg]
	if !ok {
		load = sync.OnceValues(func() (*c2jModel, error) { return readModel(pkg) })
		models[pkg] = load
	}
	modelsMu.Unlock()
	return load()
}

func readModel(pkg string) (*c2jModel, error) {
	src, err := os.ReadFile("../generated/generate.go")
	if err != nil {
		return nil, err
	}
	// The //go:generate line of pkg names the model the committed package comes from.
	directive := regexp.MustCompile(`(?m)^//go:generate .*-model (\S+) .*-pkg ` + regexp.QuoteMeta(pkg) + `\s*$`)
	m := directive.FindSubmatch(src)
	if m == nil {
		return nil, fmt.Errorf("../generated/generate.go: no //go:generate line for package %s", pkg)
	}
	path, err := modelsrc.Resolve(string(m[1]))
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	model := new(c2jModel)
	if err := json.Unmarshal(data, model); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return model, nil
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
		o.Method, o.URI, o.ResponseCode = op.HTTP.Method, op.HTTP.RequestURI, op.HTTP.ResponseCode
		if o.ResponseCode == 0 {
			o.ResponseCode = 200
		}
		for _, e := range op.Errors {
			o.Errors = append(o.Errors, e.Shape)
		}
		ops = append(ops, o)
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].Name < ops[j].Name })
	return ops
}
