package io.govhub.core.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private final Remembered<String, Optional<String>> r = new Remembered<>(Duration.ofNanos(100), 3, now::get);

    private Optional<String> read(String key) {
        reads.incrementAndGet();
        return key.startsWith("no") ? Optional.empty() : Optional.of(key.toUpperCase() + reads.get());
    }

    @Test
    void a_value_is_read_once_within_its_time_and_again_after_it() {
        assertThat(r.get("a", this::read)).contains("A1");
        now.addAndGet(99);
        assertThat(r.get("a", this::read)).contains("A1");
        now.addAndGet(1);
        assertThat(r.get("a", this::read)).contains("A2");
        assertThat(reads).hasValue(2);
    }

    @Test
    void absent_is_remembered_but_a_loaders_null_is_not() {
        assertThat(r.get("none", this::read)).isEmpty();
        assertThat(r.get("none", this::read)).isEmpty();
        assertThat(reads).hasValue(1);
        AtomicInteger nulls = new AtomicInteger();
        Remembered<String, String> n = new Remembered<>(Duration.ofSeconds(1), 3, now::get);
        n.get("x", k -> { nulls.incrementAndGet(); return null; });
        n.get("x", k -> { nulls.incrementAndGet(); return null; });
        assertThat(nulls).hasValue(2);
    }

    @Test
    void forget_all_makes_the_next_read_go_to_the_loader() {
        r.get("a", this::read);
        r.forgetAll();
        assertThat(r.get("a", this::read)).contains("A2");
    }

    @Test
    void a_value_read_while_it_was_forgotten_is_not_remembered() {
        // the loader reads the old value, then a writer on this node forgets everything before the value is kept
        assertThat(r.get("a", k -> { r.forgetAll(); return read(k); })).contains("A1");
        assertThat(r.get("a", this::read)).contains("A2");
    }

    @Test
    void beyond_the_limit_everything_is_forgotten_at_once() {
        r.get("a", this::read);
        r.get("b", this::read);
        r.get("c", this::read);
        r.get("d", this::read); // the fourth key: the three before are forgotten
        assertThat(r.get("d", this::read)).contains("D4");
        assertThat(r.get("a", this::read)).contains("A5");
    }
}
