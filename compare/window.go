package compare

// Long articles. The comparisons between two versions look at pairs of facts, one from each;
// for news-length articles (hundreds of facts) every pair is tried, but two book-length texts
// (megabytes, a hundred thousand facts each) would make that quadratic: minutes and gigabytes.
// Past pairBudget pairs, a fact of one version is compared only with the facts at about the same
// relative place in the other (pairWindow on each side). Versions of one story keep their
// order closely enough that the counterpart of a fact lies there; what a long text loses is a
// counterpart moved from its beginning to its end.

// pairBudget is the number of fact pairs up to which two versions are compared exhaustively
// (1000 facts each: far beyond a news article).
const pairBudget = 1_000_000

// pairWindow is how many facts either side of the proportional position are compared once the
// budget is exceeded.
const pairWindow = 150

// pairRange returns the facts [lo, hi) of a version with nb facts to compare with fact i of a
// version with na facts.
func pairRange(na, i, nb int) (lo, hi int) {
	if na*nb <= pairBudget || na == 0 {
		return 0, nb
	}
	center := int(int64(i) * int64(nb) / int64(na))
	return max(0, center-pairWindow), min(nb, center+pairWindow+1)
}
