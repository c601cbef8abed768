package org.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongMapTest {
    /** Random puts, overwrites and removals, checked against LinkedHashMap, keys chosen to collide often. */
    @Test
    void behavesLikeAnInsertionOrderedMap() {
        SplittableRandom random = new SplittableRandom(3);
        LongMap<String> map = new LongMap<>();
        Map<Long, String> reference = new LinkedHashMap<>();
        for (int step = 0; step < 200_000; step++) {
            long key = random.nextInt(300) * 0x1_0000_0000L + random.nextInt(3);
            int op = random.nextInt(10);
            if (op < 6) {
                String v = "v" + step;
                assertThat(map.put(key, v)).isEqualTo(reference.put(key, v));
            } else if (op < 9) {
                assertThat(map.remove(key)).isEqualTo(reference.remove(key));
            } else {
                assertThat(map.get(key)).isEqualTo(reference.get(key));
            }
            assertThat(map.size()).isEqualTo(reference.size());
            if (step % 10_000 == 0) {
                List<String> order = new ArrayList<>();
                map.forEach((k, v) -> order.add(k + "=" + v));
                List<String> expected = new ArrayList<>();
                reference.forEach((k, v) -> expected.add(k + "=" + v));
                assertThat(order).containsExactlyElementsOf(expected);
            }
        }
        for (Map.Entry<Long, String> e : reference.entrySet()) {
            assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
        }
    }
}
