package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/awsgen/awsgen/internal/docs"
)

func main() {
	var ds []string
	b, _ := os.ReadFile("/tmp/pick.json")
	json.Unmarshal(b, &ds)
	for i, d := range ds {
		fmt.Printf("=== %d\nIN: %.200q\n", i, d)
		fmt.Print(docs.Comment(d, 100))
	}
}
