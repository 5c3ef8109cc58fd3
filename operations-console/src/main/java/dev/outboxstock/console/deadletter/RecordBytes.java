package dev.outboxstock.console.deadletter;

/**
 * A record's key, value and headers ({@code RawHeaders}' form) as received: kept beside what the index shows, so
 * that a replay sends the original bytes. A null key or value is a record without one.
 */
public record RecordBytes(byte[] key, byte[] value, byte[] headers) {}
