package se.insatsnavet.hub.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;

/**
 * Lucene's default passage scoring (BM25-like, {@link PassageScorer}'s
 * defaults), computed as Lucene computes it (the same terms in the same order, the same float and double
 * arithmetic) but with the passage's distinct terms found by comparing them: Lucene's builds a
 * {@link BytesRefHash} for every candidate passage, which allocates a 32 KB block
 * each time (a sixth of the highlighter's work for a page of short descriptions).
 */
final class PassageScores extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] matchTerms = passage.getMatchTerms();
        int[] matchFreqsInDoc = passage.getMatchTermFreqsInDoc();
        BytesRef[] terms = new BytesRef[matches];
        int[] freqsInPassage = new int[matches];
        int[] freqsInDoc = new int[matches];
        int distinct = 0;
        for (int i = 0; i < matches; i++) {
            int id = 0;
            while (id < distinct && !terms[id].bytesEquals(matchTerms[i])) {
                id++;
            }
            if (id == distinct) {
                terms[distinct++] = matchTerms[i];
                freqsInDoc[id] = matchFreqsInDoc[i];
            }
            freqsInPassage[id]++;
        }
        double score = 0;
        for (int id = 0; id < distinct; id++) {
            score += tf(freqsInPassage[id], passage.getLength()) * weight(contentLength, freqsInDoc[id]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
