package org.hakoniwa.bridge.sim.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?": the closest candidate by edit distance, when it is close enough to be a typo. */
final class Suggestions {
    private static final int MOST_EDITS = 3;

    private Suggestions() {
    }

    /**
     * The candidate nearest to {@code input} (the first of equals, in the candidates' order), if at most a
     * quarter of {@code input}'s length, and never more than three, single-character edits away.
     */
    static Optional<String> closest(String input, Collection<String> candidates) {
        int allowed = Math.max(1, Math.min(MOST_EDITS, input.length() / 4));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(input, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
