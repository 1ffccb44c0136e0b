package org.hakoniwa.bridge.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void of_hundredSamples_takesNearestRank() {
        long[] samples = new long[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 100 - i;
        }
        Percentiles p = Percentiles.of(samples);
        assertEquals(new Percentiles(100, 50, 99, 100, 100), p);
    }

    @Test
    void of_parts_poolsEverySample() {
        Percentiles p = Percentiles.of(List.of(new long[] {5, 1}, new long[] {3}, new long[0]));
        assertEquals(3, p.count());
        assertEquals(3, p.p50());
        assertEquals(5, p.max());
    }

    @Test
    void of_nothing_isNone() {
        assertEquals(Percentiles.NONE, Percentiles.of(new long[0]));
    }

    @Test
    void rank_p999OfThousand_isTheSecondLargest() {
        long[] sorted = new long[1000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(999, Percentiles.rank(sorted, 99.9));
    }
}
