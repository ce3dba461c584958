package loadkit

import "testing"

func TestEnumName(t *testing.T) {
	for in, want := range map[string]string{
		"red": "RED", "t2.micro": "T2_MICRO", "light-blue": "LIGHT_BLUE", "--a--b--": "A_B",
		"USER_SRP_AUTH": "USER_SRP_AUTH", "c d": "C_D", "--": "VALUE", "": "VALUE", "é1": "1",
	} {
		if got := EnumName(in); got != want {
			t.Errorf("EnumName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckJSON(t *testing.T) {
	for in, want := range map[string]string{
		`{"a": 1}`:        "",
		`{"a": [1, 2]`:    "invalid JSON: unexpected end of input (truncated file?)",
		`{"a": "b`:        "invalid JSON: unexpected end of input (truncated file?)",
		`{"a": "\"}"`:     "invalid JSON: unexpected end of input (truncated file?)",
		`{"a": 1,}`:       "invalid JSON: syntax error",
		`{"a": 1}}`:       "invalid JSON: syntax error",
		" \n":             "invalid JSON: empty input",
		`[1]`:             "invalid model: the top level is not a JSON object",
		`"just a string"`: "invalid model: the top level is not a JSON object",
	} {
		if got := CheckJSON([]byte(in)); got != want {
			t.Errorf("CheckJSON(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompact(t *testing.T) {
	for in, want := range map[string]string{
		" 7 ": "7", `"a b"`: `"a b"`, "[ ]": "[]", "{ \"a\" : [1, 2] }": `{"a":[1,2]}`, `{"a b":"c d"}`: `{"a b":"c d"}`,
	} {
		if got := Compact(in); got != want {
			t.Errorf("Compact(%q) = %q, want %q", in, got, want)
		}
	}
}
