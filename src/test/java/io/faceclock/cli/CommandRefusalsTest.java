package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command the domain refuses ends with a plain sentence and an exit code for that kind of refusal. */
class CommandRefusalsTest {

    @Test
    void pushingWithoutAnOdooConfigurationSaysSoAndExitsWithTheConflictCode() throws Exception {
        Path data = Files.createTempDirectory("faceclock-cli-refusal").resolve("data");
        StringWriter err = new StringWriter();
        CommandLine cli = FaceclockCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("push", "--data", data.toString(), "--from", "2025-01-01", "--to", "2025-01-02");

        assertEquals(CliErrors.CONFLICT, exit, err.toString());
        String said = err.toString().strip();
        assertTrue(said.startsWith("faceclock: Odoo is not configured"), said);
        assertFalse(said.contains("409") || said.contains("Exception") || said.contains("\tat "), said);
    }

    @Test
    void aBadSettingExitsWithTheInvalidInputCode() throws Exception {
        Path data = Files.createTempDirectory("faceclock-cli-refusal").resolve("data");
        StringWriter err = new StringWriter();
        CommandLine cli = FaceclockCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("apikey", "list", "--data", data.toString(), "--timezone", "Mars/Olympus");

        assertEquals(CliErrors.INVALID_INPUT, exit, err.toString());
        assertTrue(err.toString().contains("is not a time zone"), err.toString());
    }
}
