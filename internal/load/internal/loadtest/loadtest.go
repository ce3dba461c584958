// Package loadtest helps the loader tests state what they expect of the IR compactly: it
// renders members, shapes and operations as one-line descriptions.
package loadtest

import (
	"fmt"
	"strings"

	"github.com/awsgen/awsgen/internal/ir"
)

// Bounds renders a @length or @range as "min..max", with an empty side for no bound.
func Bounds(b *ir.Bounds) string {
	if b == nil {
		return ""
	}
	s := ""
	if b.Min != nil {
		s = *b.Min
	}
	s += ".."
	if b.Max != nil {
		s += *b.Max
	}
	return s
}

// Member describes a member by its target and its effective constraints, in a fixed order;
// parts that are unset are left out:
//
//	-> target required default=7 sensitive length=1..64 range=.. pattern=^a$ ts=date-time
//	   json=kind idempotency clientOptional streaming requiresLength header=X-Name hostLabel
//	   mediaType=application/json deprecated="msg" enumValue=1 other=[ids]
//
// The binding is its location and, for those that have one, "=" and its name: label=Name,
// query=key, queryParams, header=Name, prefixHeaders=prefix, payload, responseCode.
func Member(m *ir.Member) string {
	var p []string
	add := func(cond bool, s string) {
		if cond {
			p = append(p, s)
		}
	}
	t := m.Traits
	p = append(p, "-> "+m.Target.ID)
	add(m.Required(), "required")
	add(t.Default != nil, "default="+deref(t.Default))
	add(m.Sensitive(), "sensitive")
	add(m.Length() != nil, "length="+Bounds(m.Length()))
	add(m.Range() != nil, "range="+Bounds(m.Range()))
	add(m.Pattern() != "", "pattern="+m.Pattern())
	add(m.Target.Kind == ir.Timestamp, "ts="+m.TimestampFormat())
	add(t.JSONName != "", "json="+t.JSONName)
	add(t.IdempotencyToken, "idempotency")
	add(t.ClientOptional, "clientOptional")
	add(t.Streaming || m.Target.Traits.Streaming, "streaming")
	add(t.RequiresLength || m.Target.Traits.RequiresLength, "requiresLength")
	add(t.Location != ir.InBody, Binding(t))
	add(t.HostLabel, "hostLabel")
	add(m.MediaType() != "", "mediaType="+m.MediaType())
	add(t.Deprecated, fmt.Sprintf("deprecated=%q", t.DeprecatedMessage))
	add(t.EnumValue != nil, "enumValue="+deref(t.EnumValue))
	add(len(t.Other) > 0, "other="+Other(t))
	return strings.Join(p, " ")
}

// Binding renders a member's location and its name: "header=X-Name", "payload".
func Binding(t ir.Traits) string {
	switch t.Location {
	case ir.InLabel, ir.InQuery, ir.InHeader, ir.InPrefixHeaders:
		return t.Location.String() + "=" + t.LocationName
	}
	return t.Location.String()
}

// Other renders unknown traits as "[id=raw id=raw]" in ID order.
func Other(t ir.Traits) string {
	var p []string
	for _, id := range t.OtherIDs() {
		p = append(p, id+"="+t.Other[id])
	}
	return "[" + strings.Join(p, " ") + "]"
}

// Members lists member names in order.
func Members(s *ir.Shape) string {
	var names []string
	for _, m := range s.Members {
		names = append(names, m.Name)
	}
	return strings.Join(names, ",")
}

// Enum renders enum values as "Name=Value" ("Name=1" for intEnums), comma-separated.
func Enum(s *ir.Shape) string {
	var p []string
	for _, v := range s.EnumValues {
		if s.Kind == ir.IntEnum {
			p = append(p, fmt.Sprintf("%s=%d", v.Name, v.IntValue))
		} else {
			p = append(p, v.Name+"="+v.Value)
		}
	}
	return strings.Join(p, ",")
}

// Operation describes an operation's input, output, errors, auth and flags, and its HTTP
// facts: "http=GET /{Bucket}/{Key+}?x-id=GetObject" with " code=N" unless it is 200,
// " host=prefix" and " compress=gzip,...".
func Operation(op *ir.Operation) string {
	id := func(s *ir.Shape) string {
		if s == nil {
			return "-"
		}
		return s.ID
	}
	var errs []string
	for _, e := range op.Errors {
		errs = append(errs, e.ID)
	}
	s := fmt.Sprintf("in=%s out=%s errors=[%s] auth=%v", id(op.Input), id(op.Output), strings.Join(errs, " "), op.AuthRequired)
	if op.Deprecated {
		s += " deprecated"
	}
	if p := op.Paginated; p != nil {
		s += fmt.Sprintf(" paginated=%s/%s/%s/%s", p.InputToken, p.OutputToken, p.Items, p.PageSize)
	}
	if op.HTTPMethod != "" {
		s += " http=" + op.HTTPMethod + " " + op.HTTPPath
	}
	if op.HTTPQuery != "" {
		s += "?" + op.HTTPQuery
	}
	if op.HTTPCode != 200 {
		s += fmt.Sprintf(" code=%d", op.HTTPCode)
	}
	if op.HostPrefix != "" {
		s += " host=" + op.HostPrefix
	}
	if len(op.RequestCompression) > 0 {
		s += " compress=" + strings.Join(op.RequestCompression, ",")
	}
	return s
}

// ErrorShape renders an error shape's fields: "client 404 Code".
func ErrorShape(s *ir.Shape) string {
	return fmt.Sprintf("%s %d %s", s.Error, s.HTTPStatus, s.ErrorCode)
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
