package dev.outboxstock.console.deadletter;

/** One Kafka record header, its value read as UTF-8 text (every header of this system is text). */
public record RecordHeader(String name, String value) {}
