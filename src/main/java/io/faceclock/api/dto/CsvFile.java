package io.faceclock.api.dto;

/** A CSV download: the edge sends the text as text/csv, offered as a file of this name. */
public record CsvFile(String fileName, String text) implements Reply {
}
