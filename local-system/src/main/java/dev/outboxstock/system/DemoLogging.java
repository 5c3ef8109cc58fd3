package dev.outboxstock.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The demo's logging (java.util.logging, where the local stack and, through SLF4J, the Kafka clients log): every
 * record goes to a file, the Kafka clients' configuration dumps and the libraries' chatter included; the terminal
 * shows only the steps, as bare lines: what this project's own code logs (a server started, a service up at its
 * URL) and a severe error of anything. The services log to files of their own already.
 */
final class DemoLogging {

    private static final String PROJECT = "dev.outboxstock.";

    private DemoLogging() {}

    /** Sends every record to {@code logDir/demo.log} and the steps to the terminal; returns the file. */
    static Path toFileAndSteps(Path logDir) {
        Path file = logDir.resolve("demo.log");
        try {
            Files.createDirectories(logDir);
            LogManager.getLogManager().reset();
            Logger root = Logger.getLogger("");
            root.setLevel(Level.INFO);
            FileHandler everything = new FileHandler(file.toString(), false);
            everything.setFormatter(new SimpleFormatter());
            root.addHandler(everything);
            root.addHandler(new Steps());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot log to " + file, e);
        }
    }

    /** A step is a record of this project's code at INFO or above, or a severe one of anything: its message alone. */
    private static final class Steps extends Handler {

        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
            boolean step = logger.startsWith(PROJECT) && record.getLevel().intValue() >= Level.INFO.intValue();
            if (step || record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                String prefix = record.getLevel().intValue() >= Level.WARNING.intValue()
                        ? record.getLevel().getName() + ": "
                        : "";
                System.out.println(prefix + formatter.formatMessage(record));
                System.out.flush();
            }
        }

        @Override
        public void flush() {
            System.out.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
