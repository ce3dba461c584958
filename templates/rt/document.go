package rt

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// Document is an untyped JSON value (a Smithy document) kept as its raw JSON text. A nil
// Document is unset; the JSON null is Document("null").
type Document []byte

// MarshalJSON returns the document's JSON after checking that it is valid.
func (d Document) MarshalJSON() ([]byte, error) {
	if d == nil {
		return []byte("null"), nil
	}
	if err := jsonValid(d); err != nil {
		return nil, err
	}
	return cloneBytes([]byte(d)), nil
}

// UnmarshalJSON keeps a copy of b after checking that it is valid JSON.
func (d *Document) UnmarshalJSON(b []byte) error {
	if err := jsonValid(b); err != nil {
		return err
	}
	*d = Document(cloneBytes(b))
	return nil
}

func (d Document) clone() Document { return cloneBytes(d) }

// equal compares documents as JSON values: whitespace and object member order do not matter.
func (d Document) equal(o Document) bool {
	if d == nil || o == nil {
		return d == nil && o == nil
	}
	if bytes.Equal(d, o) {
		return true
	}
	var a, b any
	da := json.NewDecoder(bytes.NewReader(d))
	da.UseNumber()
	db := json.NewDecoder(bytes.NewReader(o))
	db.UseNumber()
	if da.Decode(&a) != nil || db.Decode(&b) != nil {
		return false
	}
	return reflect.DeepEqual(a, b)
}

// document prints a document on one line.
func (p *printer) document(d Document) {
	var b bytes.Buffer
	if json.Compact(&b, d) != nil {
		p.blob(d)
		return
	}
	p.buf = append(p.buf, b.Bytes()...)
}

// UnknownMember is a union member that this version of the package does not know, kept
// with its raw JSON value so that it can be inspected and sent back unchanged.
type UnknownMember struct {
	Name  string
	Value Document
}
