package store

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"parallax/store/ingest"
)

// Words of the languages Parallax reads, so the generated texts have multi-byte runes of every
// width (and NFC-sensitive Vietnamese) like real articles.
var crashWords = strings.Fields(`Beijing denied the accusation on Tuesday
	Pékin a démenti mardi les accusations de cyberattaques contre Microsoft
	Bắc Kinh bác bỏ cáo buộc của Mỹ về vụ tấn công mạng
	Пекин отверг обвинения США в кибератаках во вторник
	نفت الصين الاتهامات الأمريكية بشن هجمات إلكترونية يوم الثلاثاء
	北京 否认 美国 对 网络 攻击 的 指控 周二 外交部 发言人 赵立坚
	China wies die Vorwürfe zurück Washington und Verbündete
	China negó las acusaciones de ciberataques 🇨🇳 👩‍💻`)

// crashBatch builds one batch of documents: some new sources, some new revisions of earlier
// sources, some exact repeats (deduplicated), and one marker document whose unique source
// proves, once the child says the batch committed, that the batch is in the file.
func crashBatch(r *rand.Rand, round, batch int) (docs []ingest.Document, marker string) {
	n := 5 + r.IntN(20)
	for i := 0; i < n; i++ {
		src := fmt.Sprintf("feed/article-%03d.txt", r.IntN(150)) // reused: revisions
		size := 20 + r.IntN(400)
		if r.IntN(20) == 0 {
			size = 5000 + r.IntN(15000) // the odd long article makes commits span many pages
		}
		var b strings.Builder
		fmt.Fprintf(&b, "round %d batch %d doc %d\n", round, batch, i)
		for w := 0; w < size; w++ {
			b.WriteString(crashWords[r.IntN(len(crashWords))])
			if r.IntN(12) == 0 {
				b.WriteString(".\n")
			} else {
				b.WriteByte(' ')
			}
		}
		text := norm.NFC.String(b.String())
		if r.IntN(6) == 0 && len(docs) > 0 {
			text = docs[r.IntN(len(docs))].Text // an exact repeat
		}
		docs = append(docs, ingest.Document{Source: src, Lang: "und", Format: "txt", Title: src, Text: text})
	}
	marker = fmt.Sprintf("marker/round-%d-batch-%d", round, batch)
	docs = append(docs, ingest.Document{Source: marker, Format: "txt", Text: "committed " + marker})
	return docs, marker
}

// childImport imports batch after batch into the workspace until it is killed, printing
// "open" once the workspace is open and "ok <marker>" after each committed transaction.
func childImport(path, seed string) int {
	round, _ := strconv.Atoi(seed)
	db, err := Open(path, Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("open")
	r := rand.New(rand.NewPCG(uint64(round), 7))
	for batch := 0; ; batch++ {
		docs, marker := crashBatch(r, round, batch)
		if _, err := db.ImportDocuments(docs, time.Now()); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println("ok", marker)
	}
}

// TestCrash_SIGKILLDuringImport is issue 2's crash test: a real child process imports batches
// of documents and is killed with SIGKILL at a random moment, round after round, on the same
// workspace. After every kill the workspace must open, pass bbolt's consistency check and the
// store's invariants (every article whole: text matching its hash, revisions complete, content
// index consistent), and hold every batch the child reported committed.
func TestCrash_SIGKILLDuringImport(t *testing.T) {
	rounds := 30
	if testing.Short() {
		rounds = 8
	}
	path := filepath.Join(t.TempDir(), "crash.parallax")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	var acked []string
	prevCount, killedMidRun, batches := 0, 0, 0
	start := time.Now()
	for round := 0; round < rounds; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childRoleEnv+"=import", childPathEnv+"="+path, childSeedEnv+"="+strconv.Itoa(round))
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// The reader passes on progress as it comes so that the kill can be timed by what
		// the child has done, not by the clock alone: on a loaded machine (CI, parallel
		// packages) a fixed delay may always land before the first commit.
		progress := make(chan string, 1024)
		lines := make(chan []string)
		go func() {
			var got []string
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				if m, ok := strings.CutPrefix(sc.Text(), "ok "); ok {
					got = append(got, m)
					progress <- "ok"
				} else if sc.Text() == "open" {
					progress <- "open"
				}
			}
			close(progress)
			lines <- got
		}()
		// A quarter of the rounds kill while Open may still be running, a quarter once the
		// workspace is open (during the first batch), half after a commit, well into the loop.
		waitFor := func(what string) {
			deadline := time.After(30 * time.Second)
			for {
				select {
				case p, ok := <-progress:
					if !ok || p == what {
						return
					}
				case <-deadline:
					return
				}
			}
		}
		switch mode := rng.IntN(4); {
		case mode == 0:
			time.Sleep(time.Duration(rng.IntN(100)) * time.Millisecond)
		case mode == 1:
			waitFor("open")
			time.Sleep(time.Duration(rng.IntN(50)) * time.Millisecond)
		default:
			waitFor("ok")
			time.Sleep(time.Duration(rng.IntN(250)) * time.Millisecond)
		}
		if err := cmd.Process.Kill(); err != nil { // SIGKILL on Unix
			t.Fatal(err)
		}
		go func() {
			for range progress { // drain so the reader never blocks
			}
		}()
		got := <-lines
		if err := cmd.Wait(); err == nil {
			t.Fatalf("round %d: child exited by itself; it should import until killed", round)
		} else if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != -1 {
			t.Fatalf("round %d: child failed rather than being killed: %v", round, err)
		}
		if len(got) > 0 {
			killedMidRun++
		}
		batches += len(got)
		acked = append(acked, got...)

		db, err := Open(path, Options{Timeout: time.Second})
		if err != nil {
			t.Fatalf("round %d: reopen after SIGKILL: %v", round, err)
		}
		if err := db.Check(); err != nil {
			t.Fatalf("round %d: after SIGKILL: %v", round, err)
		}
		arts, err := db.Articles()
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		for _, a := range arts {
			have[a.Source] = true
		}
		for _, m := range acked {
			if !have[m] {
				t.Fatalf("round %d: batch %s was reported committed but is not in the workspace", round, m)
			}
		}
		if len(arts) < prevCount {
			t.Fatalf("round %d: %d articles, fewer than the %d before", round, len(arts), prevCount)
		}
		prevCount = len(arts)
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	fi, _ := os.Stat(path)
	t.Logf("%d rounds in %v: %d committed batches, %d rounds killed mid-import, %d articles, file %d KiB",
		rounds, time.Since(start).Round(time.Millisecond), batches, killedMidRun, prevCount, fi.Size()>>10)
	if killedMidRun == 0 {
		t.Errorf("no round was killed after a commit; the test did not exercise the import")
	}
}
