package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An answer a REST handler returns as a plain value; the edge writes it as JSON with this status
 * (every Reply carries {@code "success": true}; refusals are exceptions, mapped by ApiErrors). Two are
 * files instead: {@link CsvFile} and {@link JpegImage}.
 */
public interface Reply {

    @JsonIgnore
    default int status() {
        return 200;
    }
}
