package io.faceclock.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** The service's log lines (INFO and up, every logger) while open, each with the thread that wrote it. */
final class LogLines implements AutoCloseable {

    /** One line as the console shows it: thread, logger, message (and the stack trace's first line). */
    record Line(String thread, String logger, Level level, String text) {
        @Override
        public String toString() {
            return level + " [" + thread + "] " + logger + " - " + text;
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final LoggerConfig root;
    private final LoggerContext ctx;

    LogLines() {
        ctx = (LoggerContext) LogManager.getContext(false);
        root = ctx.getConfiguration().getRootLogger();
        appender = new AbstractAppender("pages-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent e) {
                String text = e.getMessage().getFormattedMessage() + (e.getThrown() == null ? "" : " | " + e.getThrown());
                lines.add(new Line(e.getThreadName(), e.getLoggerName(), e.getLevel(), text));
            }
        };
        appender.start();
        root.addAppender(appender, Level.INFO, null);
        ctx.updateLoggers();
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    List<Line> containing(String text) {
        return lines.stream().filter(l -> l.text().contains(text)).toList();
    }

    @Override
    public void close() {
        root.removeAppender("pages-capture");
        ctx.updateLoggers();
        appender.stop();
    }
}
