package store

import (
	"bufio"
	"fmt"
	"os"
	"testing"
	"time"
)

// childRoleEnv switches the test binary into a helper process: the lock and crash tests
// re-execute the binary itself so that a real second process holds or writes the workspace.
const (
	childRoleEnv = "PARALLAX_STORE_TEST_CHILD"
	childPathEnv = "PARALLAX_STORE_TEST_PATH"
	childSeedEnv = "PARALLAX_STORE_TEST_SEED"
)

func TestMain(m *testing.M) {
	switch os.Getenv(childRoleEnv) {
	case "":
		os.Exit(m.Run())
	case "hold":
		os.Exit(childHold(os.Getenv(childPathEnv)))
	case "import":
		os.Exit(childImport(os.Getenv(childPathEnv), os.Getenv(childSeedEnv)))
	default:
		fmt.Fprintln(os.Stderr, "unknown child role", os.Getenv(childRoleEnv))
		os.Exit(3)
	}
}

// childHold opens the workspace, says "ready", and keeps it open until stdin closes.
func childHold(path string) int {
	db, err := Open(path, Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer db.Close()
	fmt.Println("ready")
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	return 0
}
