package kitchentest

import (
	"errors"
	"testing"

	ks "github.com/awsgen/awsgen/generated/kitchensink"
)

func ptr[T any](v T) *T { return &v }

// violation is one expected (or reported) validation failure.
type violation struct {
	Path, Constraint, Msg string
}

// violations returns every violation err reports, in order; nil for a nil error.
func violations(t *testing.T, err error) []violation {
	t.Helper()
	if err == nil {
		return nil
	}
	var list ks.ValidationErrors
	if !errors.As(err, &list) {
		t.Fatalf("error %T is not ValidationErrors: %v", err, err)
	}
	out := make([]violation, 0, len(list))
	for _, v := range list {
		out = append(out, violation{v.Path, v.Constraint, v.Msg})
	}
	return out
}
