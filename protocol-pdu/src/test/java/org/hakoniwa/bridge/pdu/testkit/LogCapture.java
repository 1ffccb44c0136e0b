package org.hakoniwa.bridge.pdu.testkit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures the log events of the bridge's loggers during a test. */
public final class LogCapture implements AutoCloseable {
    private final Logger root;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture() {
        root = (Logger) LoggerFactory.getLogger("org.hakoniwa.bridge");
        appender.start();
        root.addAppender(appender);
    }

    public List<ILoggingEvent> events() {
        synchronized (appender) { // AppenderBase appends under its own monitor
            return List.copyOf(appender.list);
        }
    }

    /** Events whose formatted message contains {@code text}. */
    public List<ILoggingEvent> containing(String text) {
        return events().stream().filter(e -> e.getFormattedMessage().contains(text)).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
