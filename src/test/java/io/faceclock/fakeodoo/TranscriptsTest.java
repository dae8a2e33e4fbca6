package io.faceclock.fakeodoo;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class TranscriptsTest {

    @Test
    void a_missing_shared_folder_fails_naming_the_property() {
        String before = System.getProperty(Transcripts.PROPERTY);
        try {
            System.clearProperty(Transcripts.PROPERTY);
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Transcripts.of("xmlrpc-18.0"));
            assertTrue(e.getMessage().contains("faceclock.shared"), e.getMessage());
            System.setProperty(Transcripts.PROPERTY, "/nonexistent/shared");
            e = assertThrows(AssertionFailedError.class, () -> Transcripts.of("xmlrpc-18.0"));
            assertTrue(e.getMessage().contains("faceclock.shared=/nonexistent/shared"), e.getMessage());
        } finally {
            if (before != null) {
                System.setProperty(Transcripts.PROPERTY, before);
            }
        }
    }
}
