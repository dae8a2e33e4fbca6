package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void the_bar_fills_with_the_records_done_and_says_both_numbers() {
        assertEquals("  [..............................] 0 / 1500 employees", ProgressBar.line(0, 1500, "employees"));
        assertEquals("  [##########....................] 500 / 1500 employees", ProgressBar.line(500, 1500, "employees"));
        assertEquals("  [##############################] 1500 / 1500 employees",
                ProgressBar.line(1500, 1500, "employees"));
    }

    @Test
    void before_the_total_is_known_it_counts_and_an_empty_run_is_full() {
        assertEquals("  42 attendance records", ProgressBar.line(42, null, "attendance records"));
        assertEquals("  [##############################] 0 / 0 attendance records",
                ProgressBar.line(0, 0, "attendance records"));
    }
}
