package org.netsim.lessons.load;

import java.util.Collection;

/** "did you mean ...?" for a misspelt name: the known name nearest by edit distance, if it is near. */
final class Suggest {
    private Suggest() {
    }

    /** {@code "; did you mean \"x\"?"}, or "" when no known name is within a third of the word's length. */
    static String near(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(word, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance > 0 && bestDistance <= Math.max(1, word.length() / 3)
                ? "; did you mean \"" + best + "\"?" : "";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
